import { SERVICES, metricByFn } from '../domain/catalog';
import type { MetricDef, ServiceDef, ServiceGroup } from '../domain/catalog-types';
import type { MetricStatus, StatusReport } from '../graph/metrics-reader';
import type { SeriesPoint } from '../domain/series';
import { formatChange, formatPointChange, formatValue } from './format';
import { metricState, STATE_LOOK, STATE_ORDER, type MetricState, type MetricStateKind } from './metric-state';
import { sparklineOfPoints } from './sparkline';

/** Glyphs in a status row's trend: 10 buckets (2.5 hours of 15-minute buckets), what a phone-width table shows. */
export const STATUS_SPARK_WIDTH = 10;

/** One metric as a status row: its state and the texts of its cells. */
export interface StatusRow {
  metric: MetricDef;
  status: MetricStatus;
  state: MetricState;
  /** Latest value, or the state's label when there is none. */
  value: string;
  /** Change against the same bucket last week; '' when there is no baseline. */
  change: string;
  /** Sparkline of the trend, or undefined when no trend was given. */
  spark?: string;
  trend?: SeriesPoint[];
}

/** One service group's rows, problems first. */
export interface StatusGroup {
  service: ServiceDef;
  rows: StatusRow[];
  counts: Partial<Record<MetricStateKind, number>>;
}

const rank = (k: MetricStateKind) => STATE_ORDER.indexOf(k);

/** Rows of the report grouped by service (one service when given), groups with degraded metrics first; numbers in `locale`. */
export function statusGroups(
  report: StatusReport,
  trends: Record<string, SeriesPoint[]> | undefined,
  locale: string,
  service?: ServiceGroup,
): StatusGroup[] {
  const end = Date.parse(report.latestCompleteBucket) + report.intervalMinutes * 60_000;
  const rows = report.metrics.flatMap((status): StatusRow[] => {
    const metric = metricByFn(status.fn);
    if (!metric || (service && metric.service !== service)) return [];
    const trend = trends?.[status.fn];
    const spark = trends
      ? sparklineOfPoints(trend ?? [], report.intervalMinutes, end, STATUS_SPARK_WIDTH)
      : undefined;
    const state = metricState(status, locale);
    return [{ metric, status, state, ...cells(metric, status, state, locale), spark, trend }];
  });
  const groups = SERVICES.map((s) => {
    const mine = rows.filter((r) => r.metric.service === s.id);
    mine.sort((a, b) => rank(a.state.kind) - rank(b.state.kind));
    const counts: StatusGroup['counts'] = {};
    for (const r of mine) counts[r.state.kind] = (counts[r.state.kind] ?? 0) + 1;
    return { service: s, rows: mine, counts };
  }).filter((g) => g.rows.length > 0);
  const degraded = (g: StatusGroup) => ((g.counts.degraded ?? 0) > 0 ? 0 : 1);
  return groups.sort((a, b) => degraded(a) - degraded(b));
}

function cells(
  metric: MetricDef,
  status: MetricStatus,
  state: MetricState,
  locale: string,
): { value: string; change: string } {
  if (!status.ok || !status.latest) return { value: STATE_LOOK[state.kind].label, change: '' };
  const value = formatValue(status.latest.v, metric.unit, locale);
  if (!status.lastWeek) return { value, change: '' };
  if (metric.unit === 'percent')
    return { value, change: formatPointChange(status.latest.v - status.lastWeek.v, locale) };
  return { value, change: status.changePct === undefined ? '' : formatChange(status.changePct, locale) };
}

/** `🔴 2 degraded · 🟢 30 normal · 🔒 4 not permitted`, in problem-first order. */
export function countsLine(counts: StatusGroup['counts']): string {
  return STATE_ORDER.filter((k) => counts[k])
    .map((k) => `${STATE_LOOK[k].icon} ${counts[k]} ${STATE_LOOK[k].label}`)
    .join(' · ');
}
