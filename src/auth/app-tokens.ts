import { ServerError, type ConfidentialClientApplication } from '@azure/msal-node';
import { GRAPH_APP_SCOPES, permissionsInToken } from './graph-scopes';
import { withTokenCacheScope } from './token-cache-scope';

/**
 * App-only Graph tokens (client credentials) per tenant, for the alert monitor. Returns undefined when the tenant
 * has not granted our application any permission (or Entra refuses it: no consent), so callers can fall back to a
 * subscriber's delegated token; rejects when Entra could not be asked (network, token cache), so callers can say so.
 */
export class AppTokens {
  private readonly clients = new Map<string, ConfidentialClientApplication>();

  constructor(private readonly clientFor: (tenantId: string) => ConfidentialClientApplication) {}

  async token(tenantId: string): Promise<{ accessToken: string; permissions: string[] } | undefined> {
    const tenant = tenantId.toLowerCase();
    let msal = this.clients.get(tenant);
    if (!msal) this.clients.set(tenant, (msal = this.clientFor(tenant)));
    try {
      const result = await withTokenCacheScope({ kind: 'app', tenantId: tenant }, () =>
        msal.acquireTokenByClientCredential({ scopes: [...GRAPH_APP_SCOPES] }),
      );
      if (!result?.accessToken) return undefined;
      const permissions = permissionsInToken(result.accessToken);
      return permissions.length ? { accessToken: result.accessToken, permissions } : undefined;
    } catch (err) {
      if (err instanceof ServerError) return undefined;
      throw err;
    }
  }
}
