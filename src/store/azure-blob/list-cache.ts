import { LRUCache } from 'lru-cache';
import type { StoreItem } from '../store';

/** About 250,000 default rules (~260 characters each): some 6,000 fully watched tenants. */
const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

interface Entry {
  eTag: string;
  json: string;
}

/**
 * Items that `list` downloaded, kept as JSON by key with their eTag, so the next listing downloads only the blobs
 * whose eTag changed: a blob listing carries every blob's eTag, and an eTag names exactly one version of a blob, so
 * a hit is the same data as a download. Entries are copied in and out (JSON), so callers may mutate what they get.
 * Least recently used entries go first once the JSON held passes `maxChars`; an item larger than that is not kept.
 */
export class ListCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(maxChars = DEFAULT_MAX_CHARS) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxChars,
      sizeCalculation: (entry) => Math.max(1, entry.json.length),
    });
  }

  /** The item stored under `key` if its eTag is still `eTag`; only a hit counts as a use. */
  get(key: string, eTag: string | undefined): StoreItem | undefined {
    const entry = this.entries.peek(key);
    if (!entry || eTag === undefined || entry.eTag !== bare(eTag)) return undefined;
    this.entries.get(key);
    return JSON.parse(entry.json) as StoreItem;
  }

  /** Keeps a downloaded item under the eTag it came with; items without one are not kept. */
  put(key: string, item: StoreItem): void {
    if (typeof item.eTag !== 'string') return;
    this.entries.set(key, { eTag: bare(item.eTag), json: JSON.stringify(item) });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Listings give `0x8D…`, downloads `"0x8D…"`: the same eTag. */
function bare(eTag: string): string {
  return eTag.replace(/^"(.*)"$/, '$1');
}
