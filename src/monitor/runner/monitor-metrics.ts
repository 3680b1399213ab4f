import { asCaller } from '../../graph/caller';
import type { MetricsService } from '../../graph/metrics-service';
import { MONITOR_RETRY_POLICY } from '../../graph/retry';
import type { MonitorMetrics } from './types';

/** The shared MetricsService, called with the monitor's chosen identity and its longer retry budget. */
export function monitorMetrics(service: MetricsService): MonitorMetrics {
  return {
    status: (tenantId, fns, token) =>
      asCaller(token, () => service.status(tenantId, fns, { policy: MONITOR_RETRY_POLICY })),
    seriesMany: (tenantId, fns, windows, interval, token) =>
      asCaller(token, () =>
        service.seriesMany(tenantId, fns, windows, interval, { policy: MONITOR_RETRY_POLICY }),
      ),
  };
}
