import { AsyncLocalStorage } from 'node:async_hooks';

/** Whose tokens an msal call may load and save: one signed-in user of one tenant, or a tenant's app identity. */
export type TokenCacheScope =
  { kind: 'user'; tenantId: string; oid: string } | { kind: 'app'; tenantId: string };

// msal-node's cache plugin API (beforeCacheAccess/afterCacheAccess) receives no argument naming the account, so the
// scope of the msal call in flight can only reach the plugin through the async context.
const current = new AsyncLocalStorage<TokenCacheScope>();

/** Store keys of the scopes with an msal call or turn in flight, and how many each. */
const inFlight = new Map<string, number>();

/**
 * Runs `fn` with msal's token cache scoped to `scope` (the cache plugin reads it). While it runs the scope counts as
 * in flight, so another user's cache access never drops this user's entities from msal's memory mid-call.
 */
export async function withTokenCacheScope<T>(scope: TokenCacheScope, fn: () => Promise<T>): Promise<T> {
  const key = tokenCacheKey(scope);
  inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  try {
    return await current.run(scope, fn);
  } finally {
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) inFlight.set(key, left);
    else inFlight.delete(key);
  }
}

/** True when an msal call or turn of the scope with this store key is in flight. */
export function tokenCacheScopeInFlight(key: string): boolean {
  return inFlight.has(key);
}

export function currentTokenCacheScope(): TokenCacheScope | undefined {
  return current.getStore();
}

/** The store key of a scope's encrypted cache; tenant first so tenants never share a key. */
export function tokenCacheKey(p: TokenCacheScope): string {
  const tenant = p.tenantId.toLowerCase();
  return p.kind === 'user' ? `tokencache/${tenant}/users/${p.oid.toLowerCase()}` : `tokencache/${tenant}/app`;
}

/**
 * The store key of the scope an msal in-memory entity (camelCase) belongs to: a user's (homeAccountId
 * `<oid>.<tid>`) or a tenant's app-only tokens (no account, a realm); undefined for shared metadata.
 */
export function tokenCacheKeyOfEntity(e: { homeAccountId?: string; realm?: string }): string | undefined {
  const home = (e.homeAccountId ?? '').toLowerCase();
  if (home) {
    const dot = home.indexOf('.');
    return dot > 0 ? `tokencache/${home.slice(dot + 1)}/users/${home.slice(0, dot)}` : undefined;
  }
  return e.realm ? `tokencache/${e.realm.toLowerCase()}/app` : undefined;
}

/** msal's homeAccountId for a user scope (`<oid>.<tid>`), which tags every entity of that account. */
export function homeAccountIdOf(p: TokenCacheScope): string | undefined {
  return p.kind === 'user' ? `${p.oid}.${p.tenantId}`.toLowerCase() : undefined;
}
