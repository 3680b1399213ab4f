import { metricOrStandIn, serviceById } from '../domain/catalog';
import type { MetricDef } from '../domain/catalog-types';
import type { SeriesReport } from '../graph/metrics-reader';
import { type AdaptiveCard, executeAction, fullWidthIfWide, newCard, text } from './adaptive-card';
import { bucketMeans, pickIndices } from './downsample';
import {
  axisLabeller,
  formatChange,
  formatDataAge,
  formatPointChange,
  formatValue,
  safeTimeZone,
} from './format';
import { metricFallback } from './metric-fallback';
import { labelledSparkline } from './sparkline';
import { staleLines } from './stale-text';
import { chartSummary, lineChart, uniqueLabels, type ChartLine } from './trend-chart';
import { columnStats, deviations, windowGrid, type ColumnStats, type WindowGrid } from './window-stats';

/** X values per chart at most (both lines share them). */
export const MAX_CHART_POINTS = 100;
/** Glyphs in the window's sparkline (fallback and summary). */
export const METRIC_SPARK_WIDTH = 48;

export interface MetricCardInput {
  report: SeriesReport;
  now: Date;
  /** IANA zone of the user; unknown zones fall back to UTC. */
  timeZone: string;
  /** BCP 47 locale of the user (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  /** How the window was asked for, e.g. `last 6 hours`; shown in the title. */
  windowLabel: string;
  /**
   * The query to repeat on Refresh (`show.refresh` data); default
   * `{ metric: <id>, window: windowLabel, interval, compare }`.
   */
  query?: Record<string, string | number | boolean>;
}

/**
 * One metric over a window: a `Chart.Line` of this week (and last week's same window), downsampled to 100 points
 * keeping every group's extremes, the window's min/max/average/latest, the buckets furthest from last week, gaps,
 * the report's notes, a table fallback for clients without charts, and Refresh / compare buttons.
 */
export function buildMetricCard(input: MetricCardInput): AdaptiveCard {
  const { report, now, windowLabel, locale } = input;
  const tz = safeTimeZone(input.timeZone);
  const metric = metricOrStandIn(report.series.fn);
  const interval = report.series.intervalMinutes;
  const grid = windowGrid(report);
  const label = axisLabeller(
    grid.times.length ? grid.times[grid.times.length - 1] - grid.times[0] : 0,
    tz,
    locale,
  );
  const stats = columnStats(grid.thisWeek);
  const lastStats = grid.lastWeek ? columnStats(grid.lastWeek) : undefined;
  const value = (v: number) => formatValue(v, metric.unit, locale);
  const small = { size: 'Small', isSubtle: true, spacing: 'None' };
  const service = serviceById(metric.service)?.name ?? metric.service;
  const dataEnd = stats ? grid.times[stats.latest.i] + interval * 60_000 : undefined;
  const age = dataEnd ? ` · ${formatDataAge(dataEnd, now, tz, locale)}` : '';

  const body: object[] = [
    text(`${metric.name}, ${windowLabel}`, { size: 'Medium', weight: 'Bolder' }),
    text(`${service} · ${interval}-minute buckets · times in ${tz}${age}`, small),
    ...(metric.description ? [text(metric.description, { spacing: 'Small' })] : []),
    ...(metric.preview ? [text('Preview signal: Microsoft may change or withdraw it.', small)] : []),
    ...staleLines(report.stale ? [report.stale] : [], now, tz, locale).map((l) =>
      text(`⏳ ${l}`, { size: 'Small', color: 'Warning' }),
    ),
  ];
  if (!stats) {
    body.push(text(`No data in this window (${grid.times.length} buckets).`, { color: 'Warning' }));
  } else {
    body.push(chart(metric, grid, label, tz, interval, windowLabel, value));
    const before = grid.lastWeek?.[stats.latest.i];
    const against = before === undefined ? '' : ` against ${value(before)} at the same time last week`;
    body.push(
      chartSummary(
        `${metric.name}, ${windowLabel}: latest ${value(stats.latest.v)} at ${label(grid.times[stats.latest.i])}` +
          `${against}; lowest ${value(stats.min.v)}, highest ${value(stats.max.v)}.`,
      ),
    );
    body.push({ type: 'FactSet', facts: facts(stats, lastStats, grid, label, value, metric, locale) });
    body.push(...deviationBlock(metric, grid, label, value, locale));
  }
  body.push(...gapLines(report, grid));
  body.push(...report.notes.map((n) => text(n, { size: 'Small', isSubtle: true })));

  const query = input.query ?? {
    metric: metric.id,
    window: windowLabel,
    interval,
    compare: Boolean(report.lastWeek),
  };
  const actions = [executeAction('Refresh', 'show.refresh', query)];
  if (!report.lastWeek)
    actions.push(executeAction('vs last week', 'show.refresh', { ...query, compare: true }));
  return fullWidthIfWide(newCard(body, actions));
}

const round = (v: number, metric: MetricDef) =>
  metric.unit === 'percent' ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100;

function chart(
  metric: MetricDef,
  grid: WindowGrid,
  label: (t: number) => string,
  tz: string,
  interval: number,
  windowLabel: string,
  value: (v: number) => string,
): object {
  // Teams charts place string x values on a category axis built from the lines in order, so the first line (this
  // week) must hold every x used: last week is shown only where this week has data too.
  const lastWeek = grid.lastWeek?.map((v, i) => (grid.thisWeek[i] === undefined ? undefined : v));
  const columns = lastWeek ? [grid.thisWeek, lastWeek] : [grid.thisWeek];
  const keep = pickIndices(columns, MAX_CHART_POINTS);
  const labels = uniqueLabels(keep.map((i) => label(grid.times[i])));
  const line = (legend: string, column: WindowGrid['thisWeek']): ChartLine => ({
    legend,
    values: keep.flatMap((i, k) => {
      const v = column[i];
      return v === undefined ? [] : [{ x: labels[k], y: round(v, metric) }];
    }),
  });
  const lines = lastWeek
    ? [line('this week', grid.thisWeek), line('last week', lastWeek)]
    : [line(metric.name, grid.thisWeek)];
  return lineChart({
    title: `${metric.name}, ${windowLabel}`,
    lines,
    xAxisTitle: `time (${tz})`,
    yAxisTitle: metric.unit === 'percent' ? '%' : `count per ${interval} min`,
    fallback: metricFallback(
      grid,
      label,
      value,
      labelledSparkline(bucketMeans(grid.thisWeek, METRIC_SPARK_WIDTH)),
    ),
  });
}

function facts(
  stats: ColumnStats,
  lastStats: ColumnStats | undefined,
  grid: WindowGrid,
  label: (t: number) => string,
  value: (v: number) => string,
  metric: MetricDef,
  locale: string,
): { title: string; value: string }[] {
  const at = (p: { i: number; v: number }) => `${value(p.v)} at ${label(grid.times[p.i])}`;
  const out = [
    { title: 'Latest', value: at(stats.latest) },
    { title: 'Minimum', value: at(stats.min) },
    { title: 'Maximum', value: at(stats.max) },
    { title: 'Average', value: value(stats.average) },
  ];
  if (lastStats) {
    const change =
      metric.unit === 'percent'
        ? formatPointChange(stats.average - lastStats.average, locale)
        : lastStats.average
          ? formatChange(((stats.average - lastStats.average) / lastStats.average) * 100, locale)
          : '–';
    out.push({ title: 'Average last week', value: `${value(lastStats.average)} (now ${change})` });
  }
  return out;
}

function deviationBlock(
  metric: MetricDef,
  grid: WindowGrid,
  label: (t: number) => string,
  value: (v: number) => string,
  locale: string,
): object[] {
  const found = deviations(metric, grid);
  if (!found.length) return [];
  const lines = found.map((d) => {
    const change =
      metric.unit === 'percent' ? formatPointChange(d.change, locale) : formatChange(d.change, locale);
    return `- ${label(grid.times[d.i])}: ${value(d.value)} vs ${value(d.lastWeek)} last week (${change})`;
  });
  return [
    text('Biggest differences from last week', { weight: 'Bolder', spacing: 'Medium' }),
    text(lines.join('\n'), { spacing: 'Small' }),
  ];
}

function gapLines(report: SeriesReport, grid: WindowGrid): object[] {
  const missing = report.series.gaps.length;
  const lastMissing = report.lastWeek?.gaps.length ?? 0;
  const parts: string[] = [];
  if (missing && missing < grid.times.length) {
    parts.push(`${missing} bucket${missing === 1 ? '' : 's'} without data (of ${grid.times.length})`);
  }
  if (lastMissing) parts.push(`last week: ${lastMissing} without data`);
  if (!parts.length) return [];
  return [
    text(`${parts.join('; ')}. The chart joins the points around gaps; nothing is filled in.`, {
      size: 'Small',
      isSubtle: true,
    }),
  ];
}
