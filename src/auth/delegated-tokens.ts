import { InteractionRequiredAuthError, type ConfidentialClientApplication } from '@azure/msal-node';
import { GRAPH_DELEGATED_SCOPES } from './graph-scopes';
import { withPartition } from './partition';
import type { UserKey } from './user-key';

/** Thrown when a user has no usable token: they must sign in (again). */
export class SignInNeededError extends Error {
  constructor(readonly user: UserKey) {
    super('Sign-in needed');
    this.name = 'SignInNeededError';
  }
}

/**
 * Graph tokens on behalf of a user. `exchange` runs the on-behalf-of flow once (an SSO or demo assertion in, a Graph
 * token, id token and refresh token into the user's encrypted cache partition); `token` serves every later turn,
 * card action and proactive cycle silently from that cache, refreshing through the refresh token when needed.
 */
export class DelegatedTokens {
  constructor(private readonly msal: ConfidentialClientApplication) {}

  async exchange(user: UserKey, assertion: string): Promise<string> {
    const result = await withPartition({ kind: 'user', ...user }, () =>
      this.msal.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [...GRAPH_DELEGATED_SCOPES] }),
    );
    if (!result?.accessToken) throw new SignInNeededError(user);
    return result.accessToken;
  }

  /** A Graph token for the user, or SignInNeededError. */
  async token(user: UserKey): Promise<string> {
    return withPartition({ kind: 'user', ...user }, async () => {
      const account = await this.msal.getTokenCache().getAccountByLocalId(user.oid);
      if (!account || account.tenantId.toLowerCase() !== user.tenantId.toLowerCase()) throw new SignInNeededError(user);
      try {
        const result = await this.msal.acquireTokenSilent({ account, scopes: [...GRAPH_DELEGATED_SCOPES] });
        if (!result?.accessToken) throw new SignInNeededError(user);
        return result.accessToken;
      } catch (err) {
        if (err instanceof InteractionRequiredAuthError) throw new SignInNeededError(user);
        throw err;
      }
    });
  }

  async isSignedIn(user: UserKey): Promise<boolean> {
    return this.token(user).then(
      () => true,
      (err) => (err instanceof SignInNeededError ? false : Promise.reject(err)),
    );
  }

  /** Removes the user's account and tokens from memory and from the store. */
  async signOut(user: UserKey): Promise<void> {
    await withPartition({ kind: 'user', ...user }, async () => {
      const cache = this.msal.getTokenCache();
      const account = await cache.getAccountByLocalId(user.oid);
      if (account) await cache.removeAccount(account);
    });
  }
}
