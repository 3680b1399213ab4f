import { InteractionRequiredAuthError, type ConfidentialClientApplication } from '@azure/msal-node';
import { GRAPH_DELEGATED_SCOPES } from './graph-scopes';
import { isSignInRequired, signInRequired } from './sign-in-required';
import { withTokenCacheScope } from './token-cache-scope';
import type { UserKey } from './user-key';

const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);

/**
 * The Graph scopes the user's cached token actually carries. Entra grants only what was consented, so asking for
 * all catalog scopes silently would miss the cache (and refresh on every call) whenever consent is partial.
 */
function grantedScopes(serialized: string, homeAccountId: string): string[] | undefined {
  const tokens = Object.values(
    (
      JSON.parse(serialized || '{}') as {
        AccessToken?: Record<string, { home_account_id: string; target: string }>;
      }
    ).AccessToken ?? {},
  );
  const mine = tokens.find((t) => t.home_account_id.toLowerCase() === homeAccountId.toLowerCase());
  const scopes = mine?.target.split(' ').filter((s) => s && !OIDC.has(s.toLowerCase()));
  return scopes?.length ? scopes : undefined;
}

/**
 * Graph tokens on behalf of a user. `exchange` runs the on-behalf-of flow once (an SSO or demo assertion in, a Graph
 * token, id token and refresh token into the user's encrypted cache scope); `token` serves every later turn,
 * card action and proactive cycle silently from that cache, refreshing through the refresh token when needed.
 */
export class DelegatedTokens {
  constructor(private readonly msal: ConfidentialClientApplication) {}

  async exchange(user: UserKey, assertion: string): Promise<string> {
    const result = await withTokenCacheScope({ kind: 'user', ...user }, () =>
      this.msal.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [...GRAPH_DELEGATED_SCOPES] }),
    );
    if (!result?.accessToken) throw signInRequired(user);
    return result.accessToken;
  }

  /** A Graph token for the user, or the sign-in-needed error (`SignInRequiredError`). */
  async token(user: UserKey): Promise<string> {
    return withTokenCacheScope({ kind: 'user', ...user }, async () => {
      const account = await this.msal.getTokenCache().getAccountByLocalId(user.oid);
      if (!account || account.tenantId.toLowerCase() !== user.tenantId.toLowerCase())
        throw signInRequired(user);
      try {
        const scopes = grantedScopes(this.msal.getTokenCache().serialize(), account.homeAccountId) ?? [
          ...GRAPH_DELEGATED_SCOPES,
        ];
        const result = await this.msal.acquireTokenSilent({ account, scopes });
        if (!result?.accessToken) throw signInRequired(user);
        return result.accessToken;
      } catch (err) {
        if (err instanceof InteractionRequiredAuthError) throw signInRequired(user);
        throw err;
      }
    });
  }

  async isSignedIn(user: UserKey): Promise<boolean> {
    return this.token(user).then(
      () => true,
      (err) => (isSignInRequired(err) ? false : Promise.reject(err)),
    );
  }

  /** Removes the user's account and tokens from memory and from the store. */
  async signOut(user: UserKey): Promise<void> {
    await withTokenCacheScope({ kind: 'user', ...user }, async () => {
      const cache = this.msal.getTokenCache();
      const account = await cache.getAccountByLocalId(user.oid);
      if (account) await cache.removeAccount(account);
    });
  }
}
