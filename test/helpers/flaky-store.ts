import type { KeyValueStore, StoreItems, WriteOptions } from '../../src/store/store';

/** A storage failure as Azure Blob reports one (status 503), for tests that inject store faults. */
export class StoreUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(what: string) {
    super(`Storage unavailable (503) on ${what}`);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A store that fails chosen calls: `failWrites(match, n)` (and `failReads`) makes the next `n` writes (reads)
 * touching a key that `match` accepts reject with a 503 before reaching the real store (`Infinity` until `heal()`).
 */
export class FlakyStore implements KeyValueStore {
  private writeFaults: { match: (key: string) => boolean; left: number }[] = [];
  private readFaults: { match: (key: string) => boolean; left: number }[] = [];
  /** Writes that were refused, by key. */
  readonly refused: string[] = [];

  constructor(private readonly inner: KeyValueStore) {}

  failWrites(match: (key: string) => boolean, n = 1): void {
    this.writeFaults.push({ match, left: n });
  }

  failReads(match: (key: string) => boolean, n = 1): void {
    this.readFaults.push({ match, left: n });
  }

  heal(): void {
    this.writeFaults = [];
    this.readFaults = [];
  }

  async read(keys: string[]): Promise<StoreItems> {
    for (const key of keys) {
      const fault = this.readFaults.find((f) => f.left > 0 && f.match(key));
      if (fault) {
        fault.left--;
        throw new StoreUnavailableError(`read ${key}`);
      }
    }
    return this.inner.read(keys);
  }

  async write(changes: StoreItems, options?: WriteOptions): Promise<void> {
    for (const key of Object.keys(changes)) {
      const fault = this.writeFaults.find((f) => f.left > 0 && f.match(key));
      if (fault) {
        fault.left--;
        this.refused.push(key);
        throw new StoreUnavailableError(`write ${key}`);
      }
    }
    return this.inner.write(changes, options);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  list(prefix: string): Promise<StoreItems> {
    return this.inner.list(prefix);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
