import { AsyncLocalStorage } from 'node:async_hooks';

/** Whose tokens an msal call may load and save: one signed-in user of one tenant, or a tenant's app identity. */
export type TokenCacheScope =
  { kind: 'user'; tenantId: string; oid: string } | { kind: 'app'; tenantId: string };

// msal-node's cache plugin API (beforeCacheAccess/afterCacheAccess) receives no argument naming the account, so the
// scope of the msal call in flight can only reach the plugin through the async context.
const current = new AsyncLocalStorage<TokenCacheScope>();

/** Runs `fn` with msal's token cache scoped to `scope` (the cache plugin reads it). */
export function withTokenCacheScope<T>(scope: TokenCacheScope, fn: () => Promise<T>): Promise<T> {
  return current.run(scope, fn);
}

export function currentTokenCacheScope(): TokenCacheScope | undefined {
  return current.getStore();
}

/** The store key of a scope's encrypted cache; tenant first so tenants never share a key. */
export function tokenCacheKey(p: TokenCacheScope): string {
  const tenant = p.tenantId.toLowerCase();
  return p.kind === 'user' ? `tokencache/${tenant}/users/${p.oid.toLowerCase()}` : `tokencache/${tenant}/app`;
}

/** msal's homeAccountId for a user scope (`<oid>.<tid>`), which tags every entity of that account. */
export function homeAccountIdOf(p: TokenCacheScope): string | undefined {
  return p.kind === 'user' ? `${p.oid}.${p.tenantId}`.toLowerCase() : undefined;
}
