import { serialized } from './key-queue';
import { ETagConflictError, type KeyValueStore, type StoreItem } from './store';

export interface UpdateOptions {
  /** Tries before giving up (each re-reads). Default 20. */
  attempts?: number;
  /** Cap of the full-jitter backoff between tries, in ms. Default 250. */
  maxDelayMs?: number;
  /** Waits `ms`; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each lost eTag race (for metrics and tests). */
  onConflict?: (attempt: number) => void;
}

/** `updateWithRetry` gave up: every attempt lost the eTag race. */
export class UpdateConflictError extends Error {
  constructor(
    readonly key: string,
    readonly attempts: number,
  ) {
    super(`Storage: gave up updating "${key}" after ${attempts} eTag conflicts.`);
    this.name = 'UpdateConflictError';
  }
}

/**
 * Read-modify-write that never overwrites blindly: reads the item, applies the pure `mutate`, writes with the
 * eTag it read (create-only when the item was missing), and on ETagConflictError re-reads and re-applies.
 * `mutate` may run several times and must not have side effects; returning undefined leaves the item as is.
 * Updates of one key through one store object take turns (see key-queue.ts), so retries only pay for races
 * with other processes. Resolves to the value now stored (without eTag).
 */
export function updateWithRetry<T extends object>(
  store: KeyValueStore,
  key: string,
  mutate: (current: T | undefined) => T | undefined,
  options: UpdateOptions = {},
): Promise<T | undefined> {
  return serialized(store, key, () => update(store, key, mutate, options));
}

async function update<T extends object>(
  store: KeyValueStore,
  key: string,
  mutate: (current: T | undefined) => T | undefined,
  options: UpdateOptions,
): Promise<T | undefined> {
  const attempts = options.attempts ?? 20;
  const maxDelayMs = options.maxDelayMs ?? 250;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    const stored = (await store.read([key]))[key];
    const current = stored ? (withoutETag(stored) as T) : undefined;
    const next = mutate(current);
    if (next === undefined) return current;
    if (stored && !stored.eTag)
      throw new Error(`Storage: "${key}" was read without an eTag; refusing a blind overwrite.`);
    const value: StoreItem = { ...next, eTag: undefined };
    try {
      if (stored) await store.write({ [key]: { ...value, eTag: stored.eTag } });
      else await store.write({ [key]: value }, { createOnly: true });
      return next;
    } catch (e) {
      if (!(e instanceof ETagConflictError)) throw e;
      options.onConflict?.(attempt);
      if (attempt >= attempts) throw new UpdateConflictError(key, attempts);
      await sleep(Math.random() * Math.min(maxDelayMs, 5 * 2 ** attempt));
    }
  }
}

function withoutETag(item: StoreItem): object {
  const { eTag: _eTag, ...rest } = item;
  return rest;
}
