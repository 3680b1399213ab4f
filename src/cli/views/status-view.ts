import { metricByFn } from '../../domain/catalog';
import type { MetricUnit } from '../../domain/catalog-types';
import type { MetricsApiError } from '../../graph/errors';
import type { MetricStatus, StatusReport } from '../../graph/metrics-service';
import { formatUtc } from '../../domain/window';
import { formatBucket, formatChange, formatValue, round2 } from '../output/numbers';
import type { Cell, Row, View } from '../output/view';

/** A few words for the table's note column; the full message is in JSON/CSV `error` and on stderr. */
export function shortReason(error: MetricsApiError): string {
  switch (error.kind) {
    case 'MissingPermission': {
      const permission = (error as MetricsApiError & { permission?: string }).permission;
      return permission ? `missing ${permission}` : 'missing permission';
    }
    case 'NotAvailable':
      return 'not available for this tenant';
    case 'Throttled':
      return 'throttled';
    case 'SignInRequired':
      return 'sign-in refused';
    default:
      return error.kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}

function row(m: MetricStatus): Row {
  const def = metricByFn(m.fn);
  const base = {
    service: def?.service ?? null,
    metric: def?.id ?? m.fn,
    name: def?.name ?? m.fn,
    unit: def?.unit ?? null,
  };
  if (!m.ok) {
    const empty = { bucket: null, value: null, lastWeek: null, changePct: null };
    return { ...base, ...empty, error: m.error.message, note: shortReason(m.error) };
  }
  return {
    ...base,
    bucket: m.latest?.t ?? null,
    value: m.latest?.v ?? null,
    lastWeek: m.lastWeek?.v ?? null,
    changePct: m.changePct === undefined ? null : round2(m.changePct),
    error: null,
    note: m.stale ? `stale since ${formatBucket(m.stale.since)}` : m.latest ? null : 'no data yet',
  };
}

const valueText = (v: Cell, r: Row) =>
  typeof v === 'number' ? formatValue(v, (r.unit ?? 'count') as MetricUnit) : '-';

/** One row per metric: newest complete bucket, the same bucket last week, and the change. */
export function statusView(report: StatusReport): View {
  return {
    title: [
      `Tenant ${report.tenantId}: latest complete ${report.intervalMinutes}-minute bucket ` +
        `${formatUtc(Date.parse(report.latestCompleteBucket))}, compared with the same bucket last week`,
    ],
    columns: [
      { key: 'service', header: 'service' },
      { key: 'metric', header: 'metric' },
      { key: 'name', header: 'name', inTable: false },
      { key: 'unit', header: 'unit', inTable: false },
      { key: 'bucket', header: 'bucket (UTC)', text: (v) => (typeof v === 'string' ? formatBucket(v) : '-') },
      { key: 'value', header: 'value', align: 'right', text: valueText },
      { key: 'lastWeek', header: 'last week', align: 'right', text: valueText },
      {
        key: 'changePct',
        header: 'change',
        align: 'right',
        text: (v) => (typeof v === 'number' ? formatChange(v) : '-'),
      },
      { key: 'error', header: 'error', inTable: false },
      {
        key: 'note',
        header: 'note',
        tableOnly: true,
        hideWhenEmpty: true,
        text: (v) => (typeof v === 'string' ? v : ''),
      },
    ],
    rows: report.metrics.map(row),
  };
}
