import type { MetricDef } from '../../domain/catalog-types';
import type { ShapeKind } from './shape';

/**
 * How the simulator generates one metric (its own assumption; the catalog's `typical` sets the level):
 * - `activity`: per-minute Poisson counts following a daily/weekly shape; buckets sum the minutes.
 * - `gauge`: a state count (branches, tunnels); buckets take the maximum over their minutes.
 * - `percent`: a ratio hovering near its norm; buckets average the minutes.
 */
export type MetricProfile =
  | { kind: 'activity'; shape: ShapeKind }
  | { kind: 'gauge' }
  | { kind: 'percent'; sd: number; lateDip: number };

/** State counts among the Global Secure Access remote-network metrics. */
const GAUGES = new Set([
  'gsa-branches-alive',
  'gsa-tunnel-connected',
  'gsa-tunnel-disconnected',
  'gsa-bgp-connected',
  'gsa-bgp-disconnected',
]);

/**
 * Percent noise (standard deviation in points at full activity) and the dip of not-yet-ingested minutes: QoE
 * telemetry can arrive up to 3 days late (admin-center docs), so its newest minutes read slightly low.
 */
const PERCENT: Record<string, { sd: number; lateDip: number }> = {
  'exchange-connectivity': { sd: 0.05, lateDip: 0 },
  'teams-qoe': { sd: 0.6, lateDip: 0.03 },
  'teams-udp': { sd: 0.8, lateDip: 0 },
};

/** The generation profile of a catalog metric. */
export function profileOf(metric: MetricDef): MetricProfile {
  if (metric.unit === 'percent')
    return { kind: 'percent', ...(PERCENT[metric.id] ?? { sd: 0.5, lateDip: 0 }) };
  if (GAUGES.has(metric.id)) return { kind: 'gauge' };
  if (metric.id === 'mail-delivery') return { kind: 'activity', shape: 'always-on' };
  if (metric.id === 'meeting-joins') return { kind: 'activity', shape: 'meetings' };
  return { kind: 'activity', shape: 'workday' };
}
