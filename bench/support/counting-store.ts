import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { KeyValueStore, StoreItems, WriteOptions } from '../../src/store/store';

/** Store calls by kind: items read, written and deleted, and listings. */
export interface StoreCounts {
  reads: number;
  writes: number;
  deletes: number;
  lists: number;
}

/** A KeyValueStore that counts the calls it passes on, so a benchmark can say what a cycle costs the store. */
export class CountingStore implements KeyValueStore {
  counts: StoreCounts = { reads: 0, writes: 0, deletes: 0, lists: 0 };

  constructor(private readonly inner: KeyValueStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    this.counts.reads += keys.length;
    return this.inner.read(keys);
  }

  async write(changes: StoreItems, options?: WriteOptions): Promise<void> {
    this.counts.writes += Object.keys(changes).length;
    await this.inner.write(changes, options);
  }

  async delete(keys: string[]): Promise<void> {
    this.counts.deletes += keys.length;
    await this.inner.delete(keys);
  }

  async list(prefix: string): Promise<StoreItems> {
    this.counts.lists++;
    return this.inner.list(prefix);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The counts so far, and zero from here on. */
  take(): StoreCounts {
    const c = this.counts;
    this.counts = { reads: 0, writes: 0, deletes: 0, lists: 0 };
    return c;
  }
}

/**
 * Counts the blobs BlobsStorage downloads in this process from here on: AzureBlobStore's `read` and `list` both
 * download through it, so this is what a cycle costs in blob GETs (the listings are counted as `lists`).
 */
export function countBlobDownloads(): { take(): number } {
  let downloads = 0;
  const read = BlobsStorage.prototype.read;
  BlobsStorage.prototype.read = function (keys: string[]) {
    downloads += keys.length;
    return read.call(this, keys);
  };
  return {
    take() {
      const n = downloads;
      downloads = 0;
      return n;
    },
  };
}
