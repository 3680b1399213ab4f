import type { MetricsService } from './metrics-service';
import { MONITOR_RETRY_POLICY } from './retry';
import type { MonitorMetrics } from './metrics-reader';

/**
 * The shared MetricsService, called with the monitor's chosen identity, its longer retry budget and its reserved
 * share of the request budget.
 */
export function monitorMetrics(service: MetricsService): MonitorMetrics {
  return {
    status: (tenantId, fns, token) =>
      service.status(tenantId, fns, { policy: MONITOR_RETRY_POLICY, token, lane: 'monitor' }),
    // less-data: the whole history days are fetched as they are (5 queries per metric once a day, 10 requests for
    // 39 metrics) rather than merged into one 4-week range per metric (2 requests, but 7 times the buckets for Graph
    // to compute and for us to parse and keep). Between day changes each metric needs one range either way.
    // compact: the history windows (all but each metric's first) are final and live in the service's HistoryStore.
    seriesMany: (tenantId, fns, windows, interval, token, read) =>
      service.seriesMany(tenantId, fns, windows, interval, {
        policy: MONITOR_RETRY_POLICY,
        prefer: 'less-data',
        history: 'compact',
        read,
        token,
        lane: 'monitor',
      }),
  };
}
