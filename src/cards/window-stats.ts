import type { MetricDef } from '../domain/catalog-types';
import { WEEK_MS } from '../domain/time';
import type { SeriesReport } from '../graph/metrics-reader';
import type { Column } from './downsample';

/** A report's window as a grid of bucket starts with this week's and last week's value in each bucket. */
export interface WindowGrid {
  times: number[];
  thisWeek: Column;
  /** Undefined when the report has no comparison. */
  lastWeek?: Column;
}

/** Lays the series (and last week's, shifted a week forward) on the window's bucket grid. */
export function windowGrid(report: SeriesReport): WindowGrid {
  const { series } = report;
  const size = series.intervalMinutes * 60_000;
  const start = Date.parse(series.start);
  const n = Math.max(0, Math.ceil((Date.parse(series.end) - start) / size));
  const times = Array.from({ length: n }, (_, i) => start + i * size);
  const column = (points: { t: string; v: number }[], shift: number): Column => {
    const byTime = new Map(points.map((p) => [Date.parse(p.t) + shift, p.v]));
    return times.map((t) => byTime.get(t));
  };
  return {
    times,
    thisWeek: column(series.points, 0),
    lastWeek: report.lastWeek ? column(report.lastWeek.points, WEEK_MS) : undefined,
  };
}

/** Minimum, maximum, average and latest of a column, with the bucket index of each extreme. */
export interface ColumnStats {
  min: { i: number; v: number };
  max: { i: number; v: number };
  latest: { i: number; v: number };
  average: number;
  count: number;
}

/** Stats over the buckets that have data; undefined when none has. */
export function columnStats(column: Column): ColumnStats | undefined {
  let stats: ColumnStats | undefined;
  let sum = 0;
  column.forEach((v, i) => {
    if (v === undefined) return;
    sum += v;
    if (!stats) stats = { min: { i, v }, max: { i, v }, latest: { i, v }, average: v, count: 0 };
    if (v < stats.min.v) stats.min = { i, v };
    if (v > stats.max.v) stats.max = { i, v };
    stats.latest = { i, v };
    stats.count++;
  });
  if (stats) stats.average = sum / stats.count;
  return stats;
}

/** A bucket that differs strongly from the same bucket last week. */
export interface Deviation {
  i: number;
  value: number;
  lastWeek: number;
  /** Relative change (%) for counts, difference in percentage points for percentages. */
  change: number;
}

/** Counts must differ by this share (%) from last week to be called out. */
export const DEVIATION_PCT = 30;
/** Percentages must differ by this many points from last week to be called out. */
export const DEVIATION_POINTS = 2;

/**
 * The `top` buckets that differ most from last week beyond the thresholds above; count buckets are judged only when
 * last week's value reaches the metric's noise floor (`minCount`, else 10). Largest first, ties by time.
 */
export function deviations(metric: MetricDef, grid: WindowGrid, top = 3): Deviation[] {
  const last = grid.lastWeek;
  if (!last) return [];
  const floor = metric.defaultRule.minCount ?? 10;
  const found: Deviation[] = [];
  grid.thisWeek.forEach((value, i) => {
    const before = last[i];
    if (value === undefined || before === undefined) return;
    if (metric.unit === 'percent') {
      const change = value - before;
      if (Math.abs(change) >= DEVIATION_POINTS) found.push({ i, value, lastWeek: before, change });
      return;
    }
    if (before < floor || before === 0) return;
    const change = ((value - before) / before) * 100;
    if (Math.abs(change) >= DEVIATION_PCT) found.push({ i, value, lastWeek: before, change });
  });
  return found.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.i - b.i).slice(0, top);
}
