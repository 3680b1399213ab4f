import type { KeyValueStore } from '../store/store';

/**
 * Deletes the items under `prefix` whose key continues with an ISO time before `before` (`<prefix><ISO time>-…`, as
 * audit entries and archived incidents are keyed); resolves to how many went.
 */
export async function pruneTimeKeyed(store: KeyValueStore, prefix: string, before: Date): Promise<number> {
  const cutoff = before.toISOString();
  const old = Object.keys(await store.list(prefix)).filter((k) => k.slice(prefix.length) < cutoff);
  if (old.length) await store.delete(old);
  return old.length;
}
