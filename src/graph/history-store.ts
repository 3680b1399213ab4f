import { bucketStarts, intervalMs, isoSeconds } from '../domain/buckets';
import type { MsRange, Series, SeriesPoint } from '../domain/series';
import type { CacheKey, CachedSeries } from './cache';

export interface HistoryStoreOptions {
  /**
   * Buckets kept in all lines together; beyond it the least recently used lines go (and are fetched again).
   * Default 500 million (about 1 GiB at 2 bytes): a tenant watching all 39 metrics on 5-minute buckets needs about
   * 35,000, so one instance holds some 14,000 such tenants' history.
   */
  maxBuckets?: number;
  /** A run nobody has asked for (`staleRange`, `read`) for this long is dropped at its line's next write. Default 3 hours. */
  idleMs?: number;
  /** Clock of the look-ups that keep a run in use; give the same clock as the `fetchedAt` of `put`. */
  now?: () => number;
}

/**
 * One contiguous stretch of a line's buckets, `[start, start + count · size)`, values at `data[at, at + count)`.
 * `askedFrom` is the earliest bucket still asked for: buckets before it are dropped at the line's next write.
 */
interface Run {
  start: number;
  count: number;
  at: number;
  askedFrom: number;
  usedAt: number;
  fetchedAt: number;
}

type Values = Uint16Array | Float32Array | Float64Array;

/** A line's runs (ascending, disjoint) and their values in one array of the narrowest type that holds them exactly. */
interface Line {
  size: number;
  runs: Run[];
  data: Values;
}

/** A gap (fetched, no point) in a `Uint16Array` line. */
const GAP16 = 0xffff;

/**
 * The alert monitor's history: buckets of the same windows 1–4 weeks back, which are final (no late data), so they
 * need no fetch time per bucket. Each line (tenant + fn + interval) keeps contiguous runs of values in one typed
 * array, as 16-bit integers when every value is a whole number below 65,535 (most telemetry counts), else as
 * Float32 when that is exact, else Float64: reads return exactly the values Graph sent. 2 bytes a bucket for most
 * lines, where the shared `SeriesCache` takes 16 plus its hourly blocks. Runs only move forward: buckets before the
 * earliest one a caller still asks for are dropped, and so are runs idle for `idleMs`.
 *
 * Same contract as `SeriesCache` for the monitor's history windows: `staleRange`, `put`, `read`.
 */
export class HistoryStore {
  private readonly maxBuckets: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  /** Least recently used first. */
  private readonly lines = new Map<string, Line>();
  private buckets = 0;

  constructor(opts: HistoryStoreOptions = {}) {
    this.maxBuckets = opts.maxBuckets ?? 500_000_000;
    this.idleMs = opts.idleMs ?? 3 * 3_600_000;
    this.now = opts.now ?? Date.now;
  }

  /** The range of `window` not yet held: history buckets are final, so a bucket once fetched is never stale. */
  staleRange(key: CacheKey, window: MsRange, _now: number): MsRange | undefined {
    if (window.end <= window.start) return undefined;
    const line = this.lines.get(lineKey(key));
    const run = line && this.touch(line, window.start);
    if (!line || !run) return { start: window.start, end: window.end };
    const end = run.start + run.count * line.size;
    return end >= window.end ? undefined : { start: end, end: window.end };
  }

  /** Merges a fetched series (only its buckets inside `within`, when given); gaps are recorded as fetched. */
  put(key: CacheKey, series: Series, fetchedAt: number, within?: MsRange): void {
    const size = intervalMs(key.intervalMinutes);
    const start = Math.max(Date.parse(series.start), within?.start ?? -Infinity);
    const end = Math.min(Date.parse(series.end), within?.end ?? Infinity);
    if (end <= start || start % size !== 0) return;
    const k = lineKey(key);
    const old = this.lines.get(k) ?? { size, runs: [], data: new Uint16Array(0) };
    const values = new Map(series.points.map((p) => [Date.parse(p.t), p.v]));
    const count = Math.ceil((end - start) / size);
    const touching = old.runs.filter((r) => r.start <= end && start <= r.start + r.count * size);
    const merged: Run = {
      start: Math.min(start, ...touching.map((r) => r.start)),
      count: 0,
      at: 0,
      // what was asked of the runs it joins, never cutting the buckets just fetched
      askedFrom: touching.length ? Math.min(start, Math.max(...touching.map((r) => r.askedFrom))) : start,
      usedAt: Math.max(fetchedAt, ...touching.map((r) => r.usedAt)),
      fetchedAt: Math.max(fetchedAt, ...touching.map((r) => r.fetchedAt)),
    };
    merged.count =
      (Math.max(start + count * size, ...touching.map((r) => r.start + r.count * size)) - merged.start) /
      size;
    const valueAt = (t: number): number => {
      if (t >= start && t < end) return values.get(t) ?? Number.NaN;
      const r = touching.find((x) => t >= x.start && t < x.start + x.count * size);
      return r ? read(old.data, r.at + (t - r.start) / size) : Number.NaN;
    };
    const kept = old.runs
      .filter((r) => !touching.includes(r) && r.usedAt > fetchedAt - this.idleMs)
      .map((r) => ({ run: r, get: (t: number) => read(old.data, r.at + (t - r.start) / size) }));
    kept.push({ run: merged, get: valueAt });
    kept.sort((a, b) => a.run.start - b.run.start);
    this.buckets -= countOf(old.runs);
    const line = rebuild(size, kept);
    this.buckets += countOf(line.runs);
    this.lines.delete(k);
    if (line.runs.length) this.lines.set(k, line);
    for (const [oldest, l] of this.lines) {
      if (this.buckets <= this.maxBuckets) break;
      this.lines.delete(oldest);
      this.buckets -= countOf(l.runs);
    }
  }

  /** The window as held; buckets never fetched count as `unknown` and are listed as gaps, like `SeriesCache.read`. */
  read(key: CacheKey, window: MsRange): CachedSeries {
    const k = lineKey(key);
    const line = this.lines.get(k);
    if (line) {
      this.lines.delete(k);
      this.lines.set(k, line);
      this.touch(line, window.start);
    }
    const points: SeriesPoint[] = [];
    const gaps: string[] = [];
    let fetchedAt: number | undefined;
    let unknown = 0;
    let i = 0;
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      const runs = line?.runs ?? [];
      while (i < runs.length && runs[i].start + runs[i].count * (line?.size ?? 0) <= t) i++;
      const run = runs[i];
      if (!line || !run || t < run.start || (t - run.start) % line.size !== 0) {
        unknown++;
        gaps.push(isoSeconds(t));
        continue;
      }
      fetchedAt = Math.max(fetchedAt ?? run.fetchedAt, run.fetchedAt);
      const v = read(line.data, run.at + (t - run.start) / line.size);
      if (Number.isNaN(v)) gaps.push(isoSeconds(t));
      else points.push({ t: isoSeconds(t), v });
    }
    const series: Series = {
      fn: key.fn,
      intervalMinutes: key.intervalMinutes,
      start: isoSeconds(window.start),
      end: isoSeconds(window.end),
      points,
      gaps,
    };
    if (line) this.compact(k, line);
    return { series, fetchedAt, unknown };
  }

  /**
   * Lets go of the buckets nobody asks for any more once they are a quarter of the line: the windows move one
   * bucket a cycle, while a line is written only when one of its history days turns (once a day per week).
   */
  private compact(k: string, line: Line): void {
    const behind = line.runs.reduce(
      (n, r) => n + Math.max(0, Math.ceil((r.askedFrom - r.start) / line.size)),
      0,
    );
    const total = countOf(line.runs);
    if (behind * 4 <= total) return;
    const next = rebuild(
      line.size,
      line.runs.map((r) => ({
        run: r,
        get: (t: number) => read(line.data, r.at + (t - r.start) / line.size),
      })),
    );
    this.buckets += countOf(next.runs) - total;
    if (next.runs.length) this.lines.set(k, next);
    else this.lines.delete(k);
  }

  /** Buckets held in all lines. */
  get bucketCount(): number {
    return this.buckets;
  }

  /** Bytes of values held in all lines (2, 4 or 8 a bucket; what is dropped lingers until the line's next write). */
  get valueBytes(): number {
    let n = 0;
    for (const line of this.lines.values()) n += line.data.byteLength;
    return n;
  }

  /** Number of lines (tenant + fn + interval) held. */
  get size(): number {
    return this.lines.size;
  }

  /** The run holding bucket `t`, marked used now and asked for from `t` on. */
  private touch(line: Line, t: number): Run | undefined {
    const run = line.runs.find((r) => r.start <= t && t < r.start + r.count * line.size);
    if (!run) return undefined;
    run.usedAt = Math.max(run.usedAt, this.now());
    run.askedFrom = Math.max(run.askedFrom, t);
    return run;
  }
}

/** A line of `runs`, each cut to the buckets from its `askedFrom` on, in the narrowest exact array. */
function rebuild(size: number, runs: { run: Run; get: (t: number) => number }[]): Line {
  const out: { run: Run; values: number[] }[] = [];
  let total = 0;
  for (const { run, get } of runs) {
    const from = Math.max(run.start, Math.ceil((run.askedFrom - run.start) / size) * size + run.start);
    const end = run.start + run.count * size;
    if (from >= end) continue;
    const values: number[] = [];
    for (let t = from; t < end; t += size) values.push(get(t));
    out.push({ run: { ...run, start: from, count: values.length, at: total }, values });
    total += values.length;
  }
  const data = allocate(
    total,
    out.flatMap((o) => o.values),
  );
  return { size, runs: out.map((o) => o.run), data };
}

/** The narrowest array holding every value exactly (NaN: a gap). */
function allocate(total: number, values: readonly number[]): Values {
  const isNum = (v: number) => !Number.isNaN(v);
  if (values.every((v) => !isNum(v) || (Number.isInteger(v) && v >= 0 && v < GAP16 && !Object.is(v, -0)))) {
    const data = new Uint16Array(total);
    values.forEach((v, i) => (data[i] = Number.isNaN(v) ? GAP16 : v));
    return data;
  }
  if (values.every((v) => !isNum(v) || Math.fround(v) === v)) return Float32Array.from(values);
  return Float64Array.from(values);
}

function read(data: Values, i: number): number {
  const v = data[i];
  return data instanceof Uint16Array && v === GAP16 ? Number.NaN : v;
}

function countOf(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + r.count, 0);
}

function lineKey(key: CacheKey): string {
  return JSON.stringify([key.tenantId, key.fn, key.intervalMinutes]);
}
