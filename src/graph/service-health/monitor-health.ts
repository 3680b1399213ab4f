import type { MonitorHealthSnapshot, MonitorServiceHealth } from '../metrics-reader';
import { MONITOR_RETRY_POLICY } from '../retry';
import type { ServiceHealthPoller, TenantHealth } from './health-poller';

function snapshot(h: TenantHealth): MonitorHealthSnapshot {
  return {
    tenantId: h.tenantId,
    issues: h.issues,
    statusHistory: h.statusHistory,
    overviews: h.overviews,
    issuesAt: h.issuesAt,
    error: h.errors.health,
  };
}

/**
 * The shared per-tenant poller, called with the monitor's chosen identity and its longer retry budget. Chat reads and
 * the monitor share one poll a minute per tenant, so the monitor compares what is known rather than what its own
 * poll changed (a chat read may have fetched the news first).
 */
export function monitorServiceHealth(poller: ServiceHealthPoller): MonitorServiceHealth {
  return {
    poll: async (tenantId, token) => {
      const { health } = await poller.poll(tenantId, { token: () => token(), policy: MONITOR_RETRY_POLICY });
      if (health.issuesAt === undefined && health.errors.health) throw health.errors.health;
      return snapshot(health);
    },
    known: (tenantId) => {
      const h = poller.current(tenantId);
      return h?.issuesAt === undefined ? undefined : snapshot(h);
    },
  };
}
