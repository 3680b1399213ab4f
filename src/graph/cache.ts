import type { IntervalMinutes } from './catalog-types';
import { bucketStarts, currentBucketStart, intervalMs, isoSeconds } from './buckets';
import type { Series, SeriesPoint } from './series';

/** A cache line: always scoped to one tenant, so no lookup can return another tenant's data. */
export interface CacheKey {
  tenantId: string;
  fn: string;
  intervalMinutes: IntervalMinutes;
}

/** Half-open range of bucket starts in ms, `[start, end)`. */
export interface MsRange {
  start: number;
  end: number;
}

/** What the cache holds for a window, fresh or not. */
export interface CachedSeries {
  series: Series;
  /** When the newest data in the window was fetched; undefined when nothing was cached. */
  fetchedAt?: number;
  /** Buckets of the window the cache has never seen (listed as gaps in `series` too). */
  unknown: number;
}

interface BucketRecord {
  /** null: Graph returned no point for this bucket (a gap). */
  v: number | null;
  /** When it was fetched. */
  at: number;
}

export interface SeriesCacheOptions {
  /** Newest complete buckets treated as provisional (late data) and refetched after each boundary. Default 2. */
  volatileBuckets?: number;
  /** Cache lines kept (least recently used evicted). Default 10,000. */
  maxKeys?: number;
  /** Buckets older than this before the newest fetch are dropped. Default 31 days (Graph keeps 30). */
  retentionMs?: number;
}

/**
 * Bucket-level cache of metric series per tenant + function + interval. Fetched windows merge into one bucket map,
 * so overlapping windows share data. Freshness, per bucket: a bucket that was already older than the newest
 * `volatileBuckets` complete buckets when fetched is final and kept; a newer one (the newest two and the one in
 * progress) is only good until the next bucket boundary, then refetched, because late data revises it.
 */
export class SeriesCache {
  private readonly volatileBuckets: number;
  private readonly maxKeys: number;
  private readonly retentionMs: number;
  private readonly lines = new Map<string, Map<number, BucketRecord>>();

  constructor(opts: SeriesCacheOptions = {}) {
    this.volatileBuckets = opts.volatileBuckets ?? 2;
    this.maxKeys = opts.maxKeys ?? 10_000;
    this.retentionMs = opts.retentionMs ?? 31 * 24 * 3_600_000;
  }

  /** The smallest range covering every bucket of `[start, end)` that is missing or no longer fresh at `now`. */
  staleRange(key: CacheKey, window: MsRange, now: number): MsRange | undefined {
    const line = this.lines.get(lineKey(key));
    const size = intervalMs(key.intervalMinutes);
    let first: number | undefined;
    let last: number | undefined;
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const rec = line?.get(t);
      if (rec && this.isFresh(t, rec, now, key.intervalMinutes)) continue;
      first ??= t;
      last = t;
    }
    return first === undefined || last === undefined ? undefined : { start: first, end: last + size };
  }

  /** Merges a fetched series; every bucket of its window is recorded, gaps included. */
  put(key: CacheKey, series: Series, fetchedAt: number): void {
    const k = lineKey(key);
    const line = this.lines.get(k) ?? new Map<number, BucketRecord>();
    const values = new Map(series.points.map((p) => [Date.parse(p.t), p.v]));
    for (const t of bucketStarts(Date.parse(series.start), Date.parse(series.end), key.intervalMinutes)) {
      line.set(t, { v: values.get(t) ?? null, at: fetchedAt });
    }
    // Amortised pruning: only once a line holds twice the buckets the retention period can, so memory stays bounded.
    if (line.size > (2 * this.retentionMs) / intervalMs(key.intervalMinutes)) {
      for (const t of line.keys()) if (t < fetchedAt - this.retentionMs) line.delete(t);
    }
    this.lines.delete(k);
    this.lines.set(k, line);
    while (this.lines.size > this.maxKeys) this.lines.delete(this.lines.keys().next().value as string);
  }

  /** The window as cached, regardless of freshness (for serving stale data with a note). */
  read(key: CacheKey, window: MsRange): CachedSeries {
    const k = lineKey(key);
    const line = this.lines.get(k);
    if (line) {
      this.lines.delete(k);
      this.lines.set(k, line);
    }
    const points: SeriesPoint[] = [];
    const gaps: string[] = [];
    let fetchedAt: number | undefined;
    let unknown = 0;
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const rec = line?.get(t);
      if (!rec) unknown++;
      else fetchedAt = Math.max(fetchedAt ?? rec.at, rec.at);
      if (rec && rec.v !== null) points.push({ t: isoSeconds(t), v: rec.v });
      else gaps.push(isoSeconds(t));
    }
    const series: Series = {
      fn: key.fn,
      intervalMinutes: key.intervalMinutes,
      start: isoSeconds(window.start),
      end: isoSeconds(window.end),
      points,
      gaps,
    };
    return { series, fetchedAt, unknown };
  }

  /** Number of cache lines (tenant + fn + interval) held. */
  get size(): number {
    return this.lines.size;
  }

  private isFresh(t: number, rec: BucketRecord, now: number, interval: IntervalMinutes): boolean {
    const fetchedIn = currentBucketStart(rec.at, interval);
    const settledBefore = fetchedIn - this.volatileBuckets * intervalMs(interval);
    return t < settledBefore || fetchedIn === currentBucketStart(now, interval);
  }
}

function lineKey(key: CacheKey): string {
  return JSON.stringify([key.tenantId, key.fn, key.intervalMinutes]);
}
