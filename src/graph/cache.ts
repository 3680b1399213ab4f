import type { IntervalMinutes } from '../domain/catalog-types';
import { bucketStarts, currentBucketStart, intervalMs, isoMs, isoSeconds } from '../domain/buckets';
import { BlockPool } from './block-pool';
import type { MsRange, Series, SeriesPoint } from '../domain/series';

/** A cache line: always scoped to one tenant, so no lookup can return another tenant's data. */
export interface CacheKey {
  tenantId: string;
  fn: string;
  intervalMinutes: IntervalMinutes;
}

/** Half-open range of bucket starts in ms, `[start, end)`. */

/** What the cache holds for a window, fresh or not. */
export interface CachedSeries {
  series: Series;
  /** When the newest data in the window was fetched; undefined when nothing was cached. */
  fetchedAt?: number;
  /** Buckets of the window the cache has never seen (listed as gaps in `series` too). */
  unknown: number;
}

export interface SeriesCacheOptions {
  /** Newest complete buckets treated as provisional (late data) and refetched after each boundary. Default 2. */
  volatileBuckets?: number;
  /**
   * Buckets that ended less than this many minutes before their fetch are provisional too, whatever the interval:
   * give the monitor's settle time, so a bucket is never kept final before the monitor is willing to judge it.
   */
  volatileMinutes?: number;
  /** Cache lines kept (least recently used evicted). Default: no limit of its own (`maxBuckets` bounds memory). */
  maxKeys?: number;
  /**
   * Buckets kept in all lines together (least recently used lines evicted first), about 22 bytes each in the
   * block pools (outside the V8 heap). Default 80 million (about 1.7 GiB): the monitor keeps its current windows
   * here, about 3,000 per tenant watching all 39 metrics on 5-minute buckets (its history weeks are in
   * `HistoryStore`), so one instance holds some 25,000 such tenants before it refetches (see docs/benchmarks.md).
   */
  maxBuckets?: number;
  /** Buckets older than this before the newest fetch are dropped. Default 31 days (Graph keeps 30). */
  retentionMs?: number;
  /**
   * A block of a line that nothing has asked for (`staleRange`, `read`) or written for this long is dropped
   * at the line's next write. Default 3 hours: the monitor asks for what it needs every cycle; a chat answer's data
   * is kept for follow-up questions.
   */
  idleMs?: number;
  /** Clock of the look-ups that keep a block in use; give the same clock as the `fetchedAt` of `put`. */
  now?: () => number;
}

/**
 * Buckets are stored in clock-aligned blocks of an hour (every interval divides it). A window that ends now half
 * fills its newest block, so the block is the slack of every line: with 6-hour blocks a 6-hour window held twice
 * the memory its buckets need; with hourly blocks, about 1.15 times.
 */
const BLOCK_MS = 3_600_000;

/**
 * A line's buckets in hourly blocks, each a record of a `BlockPool` (one pool per interval): for `p` buckets, values
 * at `[0, p)` (NaN = fetched, and Graph returned no point: a gap), fetch times at `[p, 2p)` (0 = never fetched), then
 * the count of fetched buckets and when the block was last asked for. 16 bytes a bucket, where a map entry holding
 * an object took ~115, and no heap object per block. Keys are block numbers (`start / BLOCK_MS`, small integers).
 */
type Line = Map<number, number>;

/**
 * Bucket-level cache of metric series per tenant + function + interval. Fetched windows merge into one bucket map,
 * so overlapping windows share data. Freshness, per bucket: a bucket that was already older than the newest
 * `volatileBuckets` complete buckets when fetched is final and kept; a newer one (the newest two and the one in
 * progress) is only good until the next bucket boundary, then refetched, because late data revises it.
 *
 * Memory is bounded three ways: buckets older than the retention are pruned; a block nobody has asked for in
 * `idleMs` is dropped (the alert monitor asks for its current window and what is left of four history days every
 * cycle, so it keeps a few days per metric, not the 31 it would otherwise collect); and beyond `maxBuckets` the
 * least recently used lines go.
 */
export class SeriesCache {
  private readonly volatileBuckets: number;
  private readonly volatileMinutes: number;
  private readonly maxKeys: number;
  private readonly maxBuckets: number;
  private readonly retentionMs: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  /** Lines by key, least recently used first; each line's interval is in its key. */
  private readonly lines = new Map<string, { interval: IntervalMinutes; blocks: Line }>();
  private readonly pools = new Map<IntervalMinutes, BlockPool>();
  private buckets = 0;

  constructor(opts: SeriesCacheOptions = {}) {
    this.volatileBuckets = opts.volatileBuckets ?? 2;
    this.volatileMinutes = opts.volatileMinutes ?? 0;
    this.maxKeys = opts.maxKeys ?? Number.POSITIVE_INFINITY;
    this.maxBuckets = opts.maxBuckets ?? 80_000_000;
    this.retentionMs = opts.retentionMs ?? 31 * 24 * 3_600_000;
    this.idleMs = opts.idleMs ?? 3 * 3_600_000;
    this.now = opts.now ?? Date.now;
  }

  /** The smallest range covering every bucket of `[start, end)` that is missing or no longer fresh at `now`. */
  staleRange(key: CacheKey, window: MsRange, now: number): MsRange | undefined {
    const line = this.lines.get(lineKey(key))?.blocks;
    const size = intervalMs(key.intervalMinutes);
    const usedAt = this.now();
    let first: number | undefined;
    let last: number | undefined;
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const s = line && this.slot(line, t, key.intervalMinutes, usedAt);
      const at = s ? s.at : 0;
      if (at && this.isFresh(t, at, now, key.intervalMinutes)) continue;
      first ??= t;
      last = t;
    }
    return first === undefined || last === undefined ? undefined : { start: first, end: last + size };
  }

  /** Merges a fetched series; every bucket of its window is recorded, gaps included. */
  put(key: CacheKey, series: Series, fetchedAt: number): void {
    const k = lineKey(key);
    const interval = key.intervalMinutes;
    const line: Line = this.lines.get(k)?.blocks ?? new Map();
    const values = new Map(series.points.map((pt) => [isoMs(pt.t), pt.v]));
    const pool = this.pool(interval);
    const p = BLOCK_MS / intervalMs(interval);
    for (const t of bucketStarts(Date.parse(series.start), Date.parse(series.end), interval)) {
      const n = Math.floor(t / BLOCK_MS);
      const i = (t - n * BLOCK_MS) / intervalMs(interval);
      if (!Number.isInteger(i)) continue; // buckets are clock-aligned; an unaligned window has none to keep
      let id = line.get(n);
      if (id === undefined) {
        id = pool.alloc();
        line.set(n, id);
      }
      const d = pool.data(id);
      const o = pool.offset(id);
      if (d[o + p + i] === 0) {
        d[o + 2 * p]++;
        this.buckets++;
      }
      d[o + p + i] = fetchedAt;
      d[o + i] = values.get(t) ?? Number.NaN;
      if (fetchedAt > d[o + 2 * p + 1]) d[o + 2 * p + 1] = fetchedAt;
    }
    this.prune(line, fetchedAt, interval);
    this.lines.delete(k);
    if (line.size > 0) this.lines.set(k, { interval, blocks: line });
    for (const [oldest, old] of this.lines) {
      if (this.lines.size <= this.maxKeys && this.buckets <= this.maxBuckets) break;
      this.lines.delete(oldest);
      for (const [n, id] of old.blocks) this.drop(old.blocks, n, id, old.interval);
    }
  }

  /** The window as cached, regardless of freshness (for serving stale data with a note); its blocks count as used. */
  read(key: CacheKey, window: MsRange): CachedSeries {
    const k = lineKey(key);
    const entry = this.lines.get(k);
    if (entry) {
      this.lines.delete(k);
      this.lines.set(k, entry);
    }
    const points: SeriesPoint[] = [];
    const gaps: string[] = [];
    let fetchedAt: number | undefined;
    let unknown = 0;
    const now = this.now();
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const s = entry && this.slot(entry.blocks, t, key.intervalMinutes, now);
      const at = s ? s.at : 0;
      if (!at) unknown++;
      else fetchedAt = Math.max(fetchedAt ?? at, at);
      if (s && at && !Number.isNaN(s.v)) points.push({ t: isoSeconds(t), v: s.v });
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

  /** Buckets held in all lines (16 bytes each, plus a few dozen bytes per line and block). */
  get bucketCount(): number {
    return this.buckets;
  }

  private pool(interval: IntervalMinutes): BlockPool {
    let pool = this.pools.get(interval);
    if (!pool) this.pools.set(interval, (pool = new BlockPool(2 * (BLOCK_MS / intervalMs(interval)) + 2)));
    return pool;
  }

  /** Value and fetch time of the bucket starting at `t` (`at` 0: never fetched); marks its block used at `usedAt`. */
  private slot(
    line: Line,
    t: number,
    interval: IntervalMinutes,
    usedAt: number,
  ): { at: number; v: number } | undefined {
    const n = Math.floor(t / BLOCK_MS);
    const id = line.get(n);
    const i = (t - n * BLOCK_MS) / intervalMs(interval);
    if (id === undefined || !Number.isInteger(i)) return undefined;
    const pool = this.pool(interval);
    const d = pool.data(id);
    const o = pool.offset(id);
    const p = BLOCK_MS / intervalMs(interval);
    if (usedAt > d[o + 2 * p + 1]) d[o + 2 * p + 1] = usedAt;
    return { at: d[o + p + i], v: d[o + i] };
  }

  /** Drops the line's blocks idle for `idleMs`, and buckets older than the retention once it holds twice as many. */
  private prune(line: Line, now: number, interval: IntervalMinutes): void {
    const pool = this.pool(interval);
    const p = BLOCK_MS / intervalMs(interval);
    let known = 0;
    for (const [n, id] of line) {
      const d = pool.data(id);
      const o = pool.offset(id);
      if (d[o + 2 * p + 1] <= now - this.idleMs) this.drop(line, n, id, interval);
      else known += d[o + 2 * p];
    }
    // Amortised: only once a line holds twice the buckets the retention period can, so memory stays bounded.
    if (known <= (2 * this.retentionMs) / intervalMs(interval)) return;
    const cutoff = now - this.retentionMs;
    for (const [n, id] of line) {
      const start = n * BLOCK_MS;
      if (start + BLOCK_MS <= cutoff) this.drop(line, n, id, interval);
      else if (start < cutoff) {
        const d = pool.data(id);
        const o = pool.offset(id);
        for (let i = 0; start + i * intervalMs(interval) < cutoff; i++) {
          if (d[o + p + i] === 0) continue;
          d[o + p + i] = 0;
          d[o + 2 * p]--;
          this.buckets--;
        }
      }
    }
  }

  private drop(line: Line, n: number, id: number, interval: IntervalMinutes): void {
    const pool = this.pool(interval);
    line.delete(n);
    this.buckets -= pool.data(id)[pool.offset(id) + 2 * (BLOCK_MS / intervalMs(interval))];
    pool.release(id);
  }

  private isFresh(t: number, at: number, now: number, interval: IntervalMinutes): boolean {
    const fetchedIn = currentBucketStart(at, interval);
    const size = intervalMs(interval);
    const volatile = Math.max(this.volatileBuckets, Math.ceil((this.volatileMinutes * 60_000) / size));
    const settledBefore = fetchedIn - volatile * size;
    return t < settledBefore || fetchedIn === currentBucketStart(now, interval);
  }
}

function lineKey(key: CacheKey): string {
  return JSON.stringify([key.tenantId, key.fn, key.intervalMinutes]);
}
