import type { MetricDef } from '../domain/catalog-types';
import type { AlertChartPoint } from './alert-input';
import { formatDuration } from './alert-state-line';
import { text } from './adaptive-card';
import { bucketMeans, pickIndices, type Column } from './downsample';
import { axisLabeller, formatValue } from './format';
import { SPARK_GAP, sparkline, trendWord } from './sparkline';
import { chartSummary, lineChart } from './trend-chart';

/** X values of an alert card's chart at most: 6 hours of 5-minute buckets fit without downsampling. */
export const ALERT_CHART_POINTS = 72;
/** Glyphs of the fallback sparklines. */
export const ALERT_SPARK_WIDTH = 36;

export interface AlertChartOptions {
  metric: MetricDef;
  points: readonly AlertChartPoint[];
  /** Downsample (keeping every group's extremes of both lines) to at most this many x values. */
  maxPoints: number;
  timeZone: string;
  /** BCP 47 locale of the user (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  /** A `below`/`above` rule's level: drawn as the second line when no bucket has a usual level. */
  level?: number;
}

/** The chart's grid: bucket starts, values and the comparison line (usual level, else the alert level). */
interface Grid {
  times: number[];
  values: Column;
  second: Column | undefined;
  legend: string;
  intervalMs: number;
}

function grid(o: AlertChartOptions): Grid | undefined {
  const points = [...o.points].sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
  if (!points.some((p) => p.v !== null && Number.isFinite(p.v))) return undefined;
  const times = points.map((p) => Date.parse(p.t));
  const steps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .filter((d) => d > 0);
  const intervalMs = steps.length ? Math.min(...steps) : 5 * 60_000;
  const values = points.map((p) => p.v ?? undefined);
  const usual = points.map((p) => p.baseline ?? undefined);
  if (usual.some((v) => v !== undefined))
    return { times, values, second: usual, legend: 'usual level', intervalMs };
  const second = o.level === undefined ? undefined : points.map(() => o.level);
  return { times, values, second, legend: 'alert level', intervalMs };
}

/** `6 h`, `24 h` for whole hours up to two days; otherwise `formatDuration`. */
function windowText(ms: number): string {
  const hours = ms / 3_600_000;
  return Number.isInteger(hours) && hours <= 48 ? `${hours} h` : formatDuration(ms);
}

const round = (v: number, metric: MetricDef) =>
  metric.unit === 'percent' ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100;

/**
 * A caption and a `Chart.Line` of the value against its usual level (or the rule's level), both lines on the same
 * x labels (the first line holds every x, as Teams' category axis needs), with a two-sparkline fallback; undefined
 * when no bucket has a value.
 */
export function alertChart(o: AlertChartOptions): object[] | undefined {
  const g = grid(o);
  if (!g) return undefined;
  const columns = g.second ? [g.values, g.second] : [g.values];
  const keep = pickIndices(columns, o.maxPoints).filter((i) => g.values[i] !== undefined);
  const span = g.times[g.times.length - 1] - g.times[0];
  const label = axisLabeller(span, o.timeZone, o.locale);
  const line = (legend: string, column: Column) => ({
    legend,
    values: keep.flatMap((i) => {
      const v = column[i];
      return v === undefined ? [] : [{ x: label(g.times[i]), y: round(v, o.metric) }];
    }),
  });
  const window = `last ${windowText(span + g.intervalMs)}`;
  const chart = lineChart({
    title: `${o.metric.name}, ${window}, against the ${g.legend}`,
    lines: g.second
      ? [line(o.metric.name, g.values), line(g.legend, g.second)]
      : [line(o.metric.name, g.values)],
    xAxisTitle: `time (${o.timeZone})`,
    yAxisTitle: o.metric.unit === 'percent' ? '%' : `count per ${Math.round(g.intervalMs / 60_000)} min`,
    fallback: sparkPair(o.metric, g, o.locale),
  });
  const caption = text(`${o.metric.name}, ${window}, against the ${g.legend}`, {
    size: 'Small',
    weight: 'Bolder',
    spacing: 'Medium',
  });
  const lastOf = (c: Column) =>
    [...keep]
      .reverse()
      .map((i) => c[i])
      .find((v) => v !== undefined);
  const fv = (v: number | undefined) =>
    v === undefined ? 'no value' : formatValue(v, o.metric.unit, o.locale);
  const latest = lastOf(g.values);
  const against = g.second ? ` against the ${g.legend} of ${fv(lastOf(g.second))}` : '';
  const summary = chartSummary(`${o.metric.name}, ${window}: latest ${fv(latest)}${against}.`);
  return [caption, chart, summary];
}

/** The sparkline pair alone (no chart): for grouped cards whose charts do not all fit. */
export function alertSparkline(o: Omit<AlertChartOptions, 'maxPoints'>): object | undefined {
  const g = grid({ ...o, maxPoints: ALERT_CHART_POINTS });
  return g ? sparkPair(o.metric, g, o.locale) : undefined;
}

/**
 * Two monospace sparklines on one scale (so a drop shows against the usual line), each with its newest value:
 * `now··· ▆▇▆▃▁▁ 1.2K` / `usual ▆▇▇▆▆▆ 3.5K`.
 */
function sparkPair(metric: MetricDef, g: Grid, locale: string): object {
  const now = bucketMeans(g.values, ALERT_SPARK_WIDTH);
  const second = g.second ? bucketMeans(g.second, ALERT_SPARK_WIDTH) : [];
  const glyphs = sparkline([...now, ...second]);
  const last = (c: Column) => [...c].reverse().find((v) => v !== undefined);
  const row = (label: string, spark: string, c: Column, column: Column) => {
    const v = last(c);
    const parts = [
      label.padEnd(5, SPARK_GAP),
      spark,
      ...(v === undefined ? [] : [formatValue(v, metric.unit, locale)]),
      trendWord(column),
    ];
    return text(parts.join(' '), { fontType: 'Monospace', spacing: 'None', wrap: false });
  };
  const rows = [row('now', glyphs.slice(0, now.length), g.values, now)];
  if (g.second)
    rows.push(
      row(g.legend === 'usual level' ? 'usual' : 'level', glyphs.slice(now.length), g.second, second),
    );
  return { type: 'Container', items: rows };
}
