import type { MetricDef } from '../../domain/catalog-types';
import type { Series } from '../../domain/series';
import { formatUtc } from '../../domain/window';
import { formatBucket, formatValue } from '../output/numbers';
import type { View } from '../output/view';

/** Every bucket of the window in time order; a bucket Graph has no data for is a row with value null ("no data"). */
export function queryView(metric: MetricDef, series: Series, tenantId: string): View {
  const buckets = [
    ...series.points.map((p) => ({ t: p.t, v: p.v as number | null })),
    ...series.gaps.map((t) => ({ t, v: null })),
  ].sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
  return {
    title: [
      `${metric.name} (${metric.id}) for tenant ${tenantId}: ${series.intervalMinutes}-minute buckets, ` +
        `${formatUtc(Date.parse(series.start))} to ${formatUtc(Date.parse(series.end))}`,
    ],
    columns: [
      { key: 'metric', header: 'metric', inTable: false },
      { key: 'time', header: 'time (UTC)', text: (v) => formatBucket(String(v)) },
      {
        key: 'value',
        header: metric.unit === 'percent' ? 'percent' : 'count',
        align: 'right',
        text: (v) => (typeof v === 'number' ? formatValue(v, metric.unit) : 'no data'),
      },
    ],
    rows: buckets.map((b) => ({ metric: metric.id, time: b.t, value: b.v })),
  };
}
