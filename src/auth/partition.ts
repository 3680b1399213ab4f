import { AsyncLocalStorage } from 'node:async_hooks';

/** Whose tokens an msal call may load and save: one signed-in user of one tenant, or a tenant's app identity. */
export type Partition = { kind: 'user'; tenantId: string; oid: string } | { kind: 'app'; tenantId: string };

/**
 * The one AsyncLocalStorage of the code base, and only because msal-node forces it: its cache plugin's
 * beforeCacheAccess/afterCacheAccess hooks get no argument saying whose call it is, so the partition of the msal
 * call in flight is read from its async context. Everything else passes the caller explicitly.
 */
const current = new AsyncLocalStorage<Partition>();

/** Runs `fn` with msal's token cache scoped to `partition` (the cache plugin reads it). */
export function withPartition<T>(partition: Partition, fn: () => Promise<T>): Promise<T> {
  return current.run(partition, fn);
}

export function currentPartition(): Partition | undefined {
  return current.getStore();
}

/** The store key of a partition's encrypted cache; tenant first so tenants never share a key. */
export function partitionKey(p: Partition): string {
  const tenant = p.tenantId.toLowerCase();
  return p.kind === 'user' ? `tokencache/${tenant}/users/${p.oid.toLowerCase()}` : `tokencache/${tenant}/app`;
}

/** msal's homeAccountId for a user partition (`<oid>.<tid>`), which tags every entity of that account. */
export function homeAccountIdOf(p: Partition): string | undefined {
  return p.kind === 'user' ? `${p.oid}.${p.tenantId}`.toLowerCase() : undefined;
}
