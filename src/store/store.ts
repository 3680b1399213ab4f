/** A stored value: any JSON object; `eTag` is set by the store on read and checked on write. */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}

export type StoreItems = Record<string, StoreItem>;

/** Options for one `write` call; omitted means botbuilder semantics. */
export interface WriteOptions {
  /** Every item must not exist yet (If-None-Match: *); otherwise the write rejects with ETagConflictError. */
  createOnly?: boolean;
}

/**
 * Key-value storage with botbuilder `Storage` semantics, so teams-ai can use it for turn state as is:
 * `read` omits missing keys; `write` with no eTag or `*` overwrites, with an eTag it must match the stored one
 * (a missing item accepts any eTag, as botbuilder's MemoryStorage does); `delete` ignores missing keys.
 * `write(..., { createOnly: true })` is the one way to make "create if absent" race-free (see `claim`).
 */
export interface KeyValueStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems, options?: WriteOptions): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Every item whose key starts with `prefix`. */
  list(prefix: string): Promise<StoreItems>;
  /** The keys starting with `prefix`, in key order, without reading a value (a blob listing downloads nothing). */
  listKeys?(prefix: string): Promise<string[]>;
  /** Resolves when the store is reachable; used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A write whose eTag no longer matches: someone else changed the item; re-read and merge. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}
