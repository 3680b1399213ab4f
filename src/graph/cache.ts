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

export interface SeriesCacheOptions {
  /** Newest complete buckets treated as provisional (late data) and refetched after each boundary. Default 2. */
  volatileBuckets?: number;
  /** Cache lines kept (least recently used evicted). Default: no limit of its own (`maxBuckets` bounds memory). */
  maxKeys?: number;
  /**
   * Buckets kept in all lines together (least recently used lines evicted first), about 25 bytes each with their
   * blocks. Default 80 million (about 1.9 GiB of V8 heap, inside Node's default 4 GiB): the monitor keeps about
   * 12,000 per tenant watching all 39 metrics, so one instance holds some 6,500 such tenants before it refetches
   * (see docs/benchmarks.md); spread more over instances with partitions.
   */
  maxBuckets?: number;
  /** Buckets older than this before the newest fetch are dropped. Default 31 days (Graph keeps 30). */
  retentionMs?: number;
  /**
   * A 6-hour block of a line that nothing has asked for (`staleRange`, `read`) or written for this long is dropped
   * at the line's next write. Default 3 hours: the monitor asks for what it needs every cycle; a chat answer's data
   * is kept for follow-up questions.
   */
  idleMs?: number;
  /** Clock of the look-ups that keep a block in use; give the same clock as the `fetchedAt` of `put`. */
  now?: () => number;
}

/** Buckets are stored in clock-aligned blocks of 6 hours (every interval divides it). */
const BLOCK_MS = 6 * 3_600_000;

/**
 * One 6-hour block of a line, as a single array of doubles (two heap objects, the array and its store, for the GC
 * to mark; 16 bytes a bucket, where a map entry holding an object took ~115): for `p` buckets, values at `[0, p)`
 * (NaN = fetched, and Graph returned no point: a gap), fetch times at `[p, 2p)` (0 = never fetched), then the count
 * of fetched buckets and when the block was last asked for.
 */
type Block = number[];

const newBlock = (p: number, usedAt: number): Block => {
  const b = new Array<number>(2 * p + 2).fill(Number.NaN);
  b.fill(0, p);
  b[2 * p + 1] = usedAt;
  return b;
};
const perBlock = (b: Block) => (b.length - 2) / 2;
const knownOf = (b: Block) => b[b.length - 2];
const usedAtOf = (b: Block) => b[b.length - 1];
const use = (b: Block, at: number) => {
  if (at > b[b.length - 1]) b[b.length - 1] = at;
};

type Line = Map<number, Block>;

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
  private readonly maxKeys: number;
  private readonly maxBuckets: number;
  private readonly retentionMs: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly lines = new Map<string, Line>();
  private buckets = 0;

  constructor(opts: SeriesCacheOptions = {}) {
    this.volatileBuckets = opts.volatileBuckets ?? 2;
    this.maxKeys = opts.maxKeys ?? Number.POSITIVE_INFINITY;
    this.maxBuckets = opts.maxBuckets ?? 80_000_000;
    this.retentionMs = opts.retentionMs ?? 31 * 24 * 3_600_000;
    this.idleMs = opts.idleMs ?? 3 * 3_600_000;
    this.now = opts.now ?? Date.now;
  }

  /** The smallest range covering every bucket of `[start, end)` that is missing or no longer fresh at `now`. */
  staleRange(key: CacheKey, window: MsRange, now: number): MsRange | undefined {
    const line = this.lines.get(lineKey(key));
    const size = intervalMs(key.intervalMinutes);
    const usedAt = this.now();
    let first: number | undefined;
    let last: number | undefined;
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const s = line && slot(line, t, key.intervalMinutes);
      if (s) use(s.block, usedAt);
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
    const line: Line = this.lines.get(k) ?? new Map();
    const values = new Map(series.points.map((p) => [Date.parse(p.t), p.v]));
    const p = BLOCK_MS / intervalMs(key.intervalMinutes);
    for (const t of bucketStarts(Date.parse(series.start), Date.parse(series.end), key.intervalMinutes)) {
      const day = Math.floor(t / BLOCK_MS) * BLOCK_MS;
      const i = (t - day) / intervalMs(key.intervalMinutes);
      if (!Number.isInteger(i)) continue; // buckets are clock-aligned; an unaligned window has none to keep
      let block = line.get(day);
      if (!block) {
        block = newBlock(p, fetchedAt);
        line.set(day, block);
      }
      if (block[p + i] === 0) {
        block[2 * p]++;
        this.buckets++;
      }
      block[p + i] = fetchedAt;
      block[i] = values.get(t) ?? Number.NaN;
      use(block, fetchedAt);
    }
    this.prune(line, fetchedAt, key.intervalMinutes);
    this.lines.delete(k);
    if (line.size > 0) this.lines.set(k, line);
    for (const [oldest, old] of this.lines) {
      if (this.lines.size <= this.maxKeys && this.buckets <= this.maxBuckets) break;
      this.lines.delete(oldest);
      for (const block of old.values()) this.buckets -= knownOf(block);
    }
  }

  /** The window as cached, regardless of freshness (for serving stale data with a note); its blocks count as used. */
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
    const now = this.now();
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const s = line && slot(line, t, key.intervalMinutes);
      const at = s ? s.at : 0;
      if (s) use(s.block, now);
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

  /** Buckets held in all lines (16 bytes each, plus a few hundred bytes per line and block). */
  get bucketCount(): number {
    return this.buckets;
  }

  /** Drops the line's blocks idle for `idleMs`, and buckets older than the retention once it holds twice as many. */
  private prune(line: Line, now: number, interval: IntervalMinutes): void {
    let known = 0;
    for (const [day, block] of line) {
      if (usedAtOf(block) <= now - this.idleMs) this.drop(line, day, block);
      else known += knownOf(block);
    }
    // Amortised: only once a line holds twice the buckets the retention period can, so memory stays bounded.
    if (known <= (2 * this.retentionMs) / intervalMs(interval)) return;
    const cutoff = now - this.retentionMs;
    for (const [day, block] of line) {
      const p = perBlock(block);
      if (day + BLOCK_MS <= cutoff) this.drop(line, day, block);
      else if (day < cutoff)
        for (let i = 0; day + i * intervalMs(interval) < cutoff; i++) {
          if (block[p + i] === 0) continue;
          block[p + i] = 0;
          block[2 * p]--;
          this.buckets--;
        }
    }
  }

  private drop(line: Line, day: number, block: Block): void {
    line.delete(day);
    this.buckets -= knownOf(block);
  }

  private isFresh(t: number, at: number, now: number, interval: IntervalMinutes): boolean {
    const fetchedIn = currentBucketStart(at, interval);
    const settledBefore = fetchedIn - this.volatileBuckets * intervalMs(interval);
    return t < settledBefore || fetchedIn === currentBucketStart(now, interval);
  }
}

/** The block and values of the bucket starting at `t`, when its block is held (`at` 0: never fetched). */
function slot(
  line: Line,
  t: number,
  interval: IntervalMinutes,
): { block: Block; at: number; v: number } | undefined {
  const day = Math.floor(t / BLOCK_MS) * BLOCK_MS;
  const block = line.get(day);
  if (!block) return undefined;
  const i = (t - day) / intervalMs(interval);
  return { block, at: block[perBlock(block) + i] ?? 0, v: block[i] };
}

function lineKey(key: CacheKey): string {
  return JSON.stringify([key.tenantId, key.fn, key.intervalMinutes]);
}
