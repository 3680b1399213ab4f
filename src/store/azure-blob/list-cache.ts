import type { StoreItem } from '../store';

/** About 250,000 default rules (~260 characters each): some 6,000 fully watched tenants. */
const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

/**
 * Items that `list` downloaded, kept as JSON by key with their eTag, so the next listing downloads only the blobs
 * whose eTag changed: a blob listing carries every blob's eTag, and an eTag names exactly one version of a blob, so
 * a hit is the same data as a download. Entries are copied in and out (JSON), so callers may mutate what they get.
 * Least recently used entries go first once the JSON held passes `maxChars`.
 */
export class ListCache {
  private readonly entries = new Map<string, { eTag: string; json: string }>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  /** The item stored under `key` if its eTag is still `eTag`. */
  get(key: string, eTag: string | undefined): StoreItem | undefined {
    const entry = this.entries.get(key);
    if (!entry || eTag === undefined || entry.eTag !== bare(eTag)) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return JSON.parse(entry.json) as StoreItem;
  }

  /** Keeps a downloaded item under the eTag it came with; items without one are not kept. */
  put(key: string, item: StoreItem): void {
    if (typeof item.eTag !== 'string') return;
    this.forget(key);
    const json = JSON.stringify(item);
    this.entries.set(key, { eTag: bare(item.eTag), json });
    this.chars += json.length;
    for (const [oldest, entry] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= entry.json.length;
    }
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.json.length;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Listings give `0x8D…`, downloads `"0x8D…"`: the same eTag. */
function bare(eTag: string): string {
  return eTag.replace(/^"(.*)"$/, '$1');
}
