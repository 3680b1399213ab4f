import { statusGroups, type StatusRow } from '../cards/status-rows';
import { DEFAULT_LOCALE, formatValue } from '../cards/format';
import type { MetricStateKind } from '../cards/metric-state';
import { metricByFn } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { StatusView } from '../graph/user-metrics';
import type { Incident } from '../monitor/incident';

/** What a pinned tab shows: every service, one service group, or a chosen set of metrics (by metric id). */
export interface TabFilter {
  service?: ServiceGroup;
  metrics?: readonly string[];
}

/** A service group's state on the tab; `notPermitted` and `failed` come with the reason the person can act on. */
export type GroupState = 'healthy' | 'degraded' | 'noData' | 'notPermitted' | 'failed';

export interface TabMetric {
  id: string;
  name: string;
  unit: 'count' | 'percent';
  state: MetricStateKind;
  reason: string;
  /** Newest complete bucket with data (ISO start) and its value. */
  at?: string;
  value?: number;
  /** The same bucket a week earlier. */
  lastWeek?: number;
  /** "1.2K", "99.9 %", or the state's label. */
  display: string;
  /** "▲ 12.3 %" against last week; '' when there is no comparison. */
  change: string;
}

export interface TabAlert {
  id: string;
  metric: string;
  metricName: string;
  state: 'firing' | 'acknowledged' | 'snoozed';
  openedAt: string;
  value: number | null;
  baseline: number | null;
}

export interface TabGroup {
  id: ServiceGroup;
  name: string;
  state: GroupState;
  /** Why the group is in this state, in a sentence (for not permitted: the permission or role Graph wants). */
  reason: string;
  metrics: TabMetric[];
  alerts: TabAlert[];
}

/** `GET /api/tab/overview`. */
export interface OverviewBody {
  tenantId: string;
  asOf: string;
  latestCompleteBucket: string;
  intervalMinutes: number;
  groups: TabGroup[];
}

/**
 * The overview of a status view: groups in the filter, problems first, with the open alerts of the groups the
 * person may read (an alert of a group Graph denies them is not shown: its value is that group's data).
 */
export function overviewView(
  view: StatusView,
  incidents: readonly Incident[],
  filter: TabFilter,
  locale: string = DEFAULT_LOCALE,
): OverviewBody {
  const { report } = view;
  const wanted = filter.metrics?.length ? new Set(filter.metrics) : undefined;
  const inFilter = (fn: string) => {
    const m = metricByFn(fn);
    return !!m && (!filter.service || m.service === filter.service) && (!wanted || wanted.has(m.id));
  };
  const filtered = { ...report, metrics: report.metrics.filter((m) => inFilter(m.fn)) };
  const groups = statusGroups(filtered, undefined, locale, filter.service).map((g): TabGroup => {
    const { state, reason } = groupState(g.rows);
    const alerts =
      state === 'notPermitted'
        ? []
        : incidents
            .filter(
              (i) => i.state !== 'resolved' && inFilter(i.fn) && metricByFn(i.fn)?.service === g.service.id,
            )
            .map((i) => ({
              id: i.id,
              metric: metricByFn(i.fn)!.id,
              metricName: metricByFn(i.fn)!.name,
              state: i.state as TabAlert['state'],
              openedAt: i.openedAt,
              value: i.value,
              baseline: i.baseline,
            }));
    return {
      id: g.service.id,
      name: g.service.name,
      state,
      reason,
      metrics: g.rows.map((r) => tabMetric(r, locale)),
      alerts,
    };
  });
  return {
    tenantId: report.tenantId,
    asOf: report.asOf,
    latestCompleteBucket: report.latestCompleteBucket,
    intervalMinutes: report.intervalMinutes,
    groups,
  };
}

function tabMetric(row: StatusRow, locale: string): TabMetric {
  const s = row.status;
  const latest = s.ok ? s.latest : undefined;
  return {
    id: row.metric.id,
    name: row.metric.name,
    unit: row.metric.unit,
    state: row.state.kind,
    reason: !s.ok && s.error.kind === 'MissingPermission' ? s.error.message : row.state.reason,
    at: latest?.t,
    value: latest?.v,
    lastWeek: s.ok ? s.lastWeek?.v : undefined,
    display: latest ? formatValue(latest.v, row.metric.unit, locale) : row.value,
    change: row.change,
  };
}

/** Degraded wins; a group whose every metric is denied or failed says why; no data when nothing has any. */
export function groupState(rows: readonly StatusRow[]): { state: GroupState; reason: string } {
  const count = (k: MetricStateKind) => rows.filter((r) => r.state.kind === k).length;
  const first = (k: MetricStateKind) => rows.find((r) => r.state.kind === k)!;
  const degraded = count('degraded');
  if (degraded) return { state: 'degraded', reason: `${degraded} of ${metrics(rows.length)} degraded.` };
  if (count('notPermitted') === rows.length) {
    const s = first('notPermitted').status;
    return { state: 'notPermitted', reason: s.ok ? 'Not permitted.' : s.error.message };
  }
  if (count('failed') === rows.length) return { state: 'failed', reason: first('failed').state.reason };
  if (count('normal'))
    return { state: 'healthy', reason: `${count('normal')} of ${metrics(rows.length)} normal.` };
  return { state: 'noData', reason: 'No data in the recent buckets.' };
}

function metrics(n: number): string {
  return n === 1 ? '1 metric' : `${n} metrics`;
}
