import { seasonalBaseline } from '../monitor/baseline';
import type { MetricDef } from '../domain/catalog-types';
import type { Series } from '../domain/series';
import type { StaleNote } from '../graph/stale-note';
import { TAB_RANGES, type TabRange } from './ranges';

const WEEK_MS = 7 * 24 * 3_600_000;
const HISTORY_WEEKS = 4;

/** `GET /api/tab/metrics/{id}`: one value per bucket of the range, aligned for a chart (null = no data). */
export interface MetricBody {
  metric: { id: string; name: string; service: string; unit: 'count' | 'percent'; higherIsBetter: boolean };
  range: TabRange;
  intervalMinutes: number;
  start: string;
  end: string;
  /** Bucket starts, epoch milliseconds, ascending. */
  times: number[];
  values: (number | null)[];
  /** The same bucket seven days earlier. */
  lastWeek: (number | null)[];
  /** Median of the same bucket 1 to 4 weeks back (the seasonal baseline alerts use); null without history. */
  baseline: (number | null)[];
  notes: string[];
  stale?: StaleNote;
}

/** Start of the history a range's baseline needs: four weeks before the range, or what Graph's 30 days allow. */
export function historyStart(start: number): number {
  return start - HISTORY_WEEKS * WEEK_MS;
}

/**
 * The chart of a range from one series that covers the range and up to four weeks before it (one cached Graph
 * window): this period, last week's line and the seasonal baseline per bucket.
 */
export function metricView(
  metric: MetricDef,
  range: TabRange,
  window: { start: number; end: number },
  all: Series,
  notes: readonly string[],
  stale?: StaleNote,
): MetricBody {
  const interval = TAB_RANGES[range].intervalMinutes;
  const step = interval * 60_000;
  const byTime = new Map(all.points.map((p) => [Date.parse(p.t), p.v]));
  const times: number[] = [];
  for (let t = window.start; t < window.end; t += step) times.push(t);
  const slice = (from: number, to: number): Series => ({
    ...all,
    start: new Date(from).toISOString(),
    end: new Date(to).toISOString(),
    points: all.points.filter((p) => {
      const t = Date.parse(p.t);
      return t >= from && t < to;
    }),
    gaps: [],
  });
  const current = {
    ...slice(window.start, window.end),
    gaps: times.filter((t) => !byTime.has(t)).map((t) => new Date(t).toISOString()),
  };
  const history = [1, 2, 3, 4].map((k) => slice(window.start - k * WEEK_MS, window.end - k * WEEK_MS));
  const baselineByTime = new Map(
    seasonalBaseline(current, history).map((b) => [
      Date.parse(b.t),
      b.baseline.kind === 'baseline' ? b.baseline.value : null,
    ]),
  );
  return {
    metric: {
      id: metric.id,
      name: metric.name,
      service: metric.service,
      unit: metric.unit,
      higherIsBetter: metric.higherIsBetter,
    },
    range,
    intervalMinutes: interval,
    start: new Date(window.start).toISOString(),
    end: new Date(window.end).toISOString(),
    times,
    values: times.map((t) => byTime.get(t) ?? null),
    lastWeek: times.map((t) => byTime.get(t - WEEK_MS) ?? null),
    baseline: times.map((t) => baselineByTime.get(t) ?? null),
    notes: [...notes],
    stale,
  };
}
