import { bucketStarts, intervalMs, isoMs, isoSeconds } from '../domain/buckets';
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
 * One contiguous stretch of a line's buckets, `[start, start + count · size)`, values at `data[at, at + count)`,
 * as unpacked from `Line.runs` for a write. `askedFrom` is the earliest bucket still asked for: buckets before it are
 * dropped at the line's next write.
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

/**
 * A line's runs (ascending, disjoint), packed `FIELDS` doubles a run in the order of `Run`'s fields, and their values
 * in one array of the narrowest type that holds them exactly. Packed because runs are most of the monitor's heap
 * objects: a fully watched tenant holds about 150 (four history weeks of 39 metrics), each an object and four heap
 * numbers, and every major garbage collection walks them all (5,000 tenants: GC took a third to a half of a cycle).
 */
interface Line {
  size: number;
  runs: Float64Array;
  data: Values;
}

const START = 0;
const COUNT = 1;
const AT = 2;
const ASKED_FROM = 3;
const USED_AT = 4;
const FETCHED_AT = 5;
const FIELDS = 6;

/** What `read` walks for a line not held. */
const EMPTY: Line = { size: 1, runs: new Float64Array(0), data: new Uint16Array(0) };

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
    const r = line ? this.touch(line, window.start) : -1;
    if (!line || r < 0) return { start: window.start, end: window.end };
    const end = endOf(line, r);
    return end >= window.end ? undefined : { start: end, end: window.end };
  }

  /** Merges a fetched series (only its buckets inside `within`, when given); gaps are recorded as fetched. */
  put(key: CacheKey, series: Series, fetchedAt: number, within?: MsRange): void {
    const size = intervalMs(key.intervalMinutes);
    const start = Math.max(Date.parse(series.start), within?.start ?? -Infinity);
    const end = Math.min(Date.parse(series.end), within?.end ?? Infinity);
    if (end <= start || start % size !== 0) return;
    const k = lineKey(key);
    const found = this.lines.get(k);
    const oldRuns = found ? unpack(found) : [];
    const oldData = found?.data ?? new Uint16Array(0);
    const values = new Map(series.points.map((p) => [isoMs(p.t), p.v]));
    const count = Math.ceil((end - start) / size);
    const touching = oldRuns.filter((r) => r.start <= end && start <= r.start + r.count * size);
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
      return r ? read(oldData, r.at + (t - r.start) / size) : Number.NaN;
    };
    const kept = oldRuns
      .filter((r) => !touching.includes(r) && r.usedAt > fetchedAt - this.idleMs)
      .map((r) => ({ run: r, get: (t: number) => read(oldData, r.at + (t - r.start) / size) }));
    kept.push({ run: merged, get: valueAt });
    kept.sort((a, b) => a.run.start - b.run.start);
    this.buckets -= found ? countOf(found) : 0;
    const line = rebuild(size, kept);
    this.buckets += countOf(line);
    this.lines.delete(k);
    if (line.runs.length) this.lines.set(k, line);
    for (const [oldest, l] of this.lines) {
      if (this.buckets <= this.maxBuckets) break;
      this.lines.delete(oldest);
      this.buckets -= countOf(l);
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
    const { runs, data, size } = line ?? EMPTY;
    let f = 0; // where the run holding or following `t` starts in `runs`
    for (const t of bucketStarts(window.start, window.end, key.intervalMinutes)) {
      while (f < runs.length && runs[f + START] + runs[f + COUNT] * size <= t) f += FIELDS;
      const start = runs[f + START];
      if (f >= runs.length || t < start || (t - start) % size !== 0) {
        unknown++;
        gaps.push(isoSeconds(t));
        continue;
      }
      fetchedAt = Math.max(fetchedAt ?? runs[f + FETCHED_AT], runs[f + FETCHED_AT]);
      const v = read(data, runs[f + AT] + (t - start) / size);
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
    let behind = 0;
    for (let f = 0; f < line.runs.length; f += FIELDS)
      behind += Math.max(0, Math.ceil((line.runs[f + ASKED_FROM] - line.runs[f + START]) / line.size));
    const total = countOf(line);
    if (behind * 4 <= total) return;
    const next = rebuild(
      line.size,
      unpack(line).map((r) => ({
        run: r,
        get: (t: number) => read(line.data, r.at + (t - r.start) / line.size),
      })),
    );
    this.buckets += countOf(next) - total;
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

  /** The index of the run holding bucket `t` (-1: none), marked used now and asked for from `t` on. */
  private touch(line: Line, t: number): number {
    const runs = line.runs;
    for (let r = 0, f = 0; f < runs.length; r++, f += FIELDS) {
      if (!(runs[f + START] <= t && t < endOf(line, r))) continue;
      runs[f + USED_AT] = Math.max(runs[f + USED_AT], this.now());
      runs[f + ASKED_FROM] = Math.max(runs[f + ASKED_FROM], t);
      return r;
    }
    return -1;
  }
}

/** The end (exclusive) of run `r` of a line. */
function endOf(line: Line, r: number): number {
  return line.runs[r * FIELDS + START] + line.runs[r * FIELDS + COUNT] * line.size;
}

/** A line's runs as objects, for the writes (a history day turning, a compaction). */
function unpack(line: Line): Run[] {
  const runs: Run[] = [];
  for (let f = 0; f < line.runs.length; f += FIELDS) {
    const x = line.runs;
    runs.push({
      start: x[f + START],
      count: x[f + COUNT],
      at: x[f + AT],
      askedFrom: x[f + ASKED_FROM],
      usedAt: x[f + USED_AT],
      fetchedAt: x[f + FETCHED_AT],
    });
  }
  return runs;
}

function pack(runs: readonly Run[]): Float64Array {
  const out = new Float64Array(runs.length * FIELDS);
  runs.forEach((r, i) => out.set([r.start, r.count, r.at, r.askedFrom, r.usedAt, r.fetchedAt], i * FIELDS));
  return out;
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
  return { size, runs: pack(out.map((o) => o.run)), data };
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

/** Buckets held in a line. */
function countOf(line: Line): number {
  let n = 0;
  for (let f = COUNT; f < line.runs.length; f += FIELDS) n += line.runs[f];
  return n;
}

function lineKey(key: CacheKey): string {
  return JSON.stringify([key.tenantId, key.fn, key.intervalMinutes]);
}
