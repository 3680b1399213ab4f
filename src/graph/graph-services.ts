import { AccessGate } from './access-gate';
import { RequestBudget } from './budget';
import { SeriesCache } from './cache';
import { GraphMetricsClient } from './client';
import { MetricsService } from './metrics-service';
import { HealthAccess } from './service-health/health-access';
import { ServiceHealthBudget } from './service-health/health-budget';
import { ServiceHealthClient } from './service-health/health-client';
import { ServiceHealthPoller } from './service-health/health-poller';
import type { HealthServices } from './service-health/user-health';

/**
 * The process-wide Graph objects: one client, budget, cache and access gate shared by every user and the monitor,
 * for the telemetry and for Microsoft's service health alike.
 */
export interface GraphServices {
  client: GraphMetricsClient;
  metrics: MetricsService;
  gate: AccessGate;
  health: HealthServices;
}

/**
 * Builds them; `settleMinutes` is the monitor's settle time, so the cache treats buckets younger than it as
 * provisional (refetched after each boundary) rather than final.
 */
export function createGraphServices(
  baseUrl: string,
  now: () => number = Date.now,
  opts: { settleMinutes?: number } = {},
): GraphServices {
  const budget = new RequestBudget({ now });
  const client = new GraphMetricsClient({ baseUrl, budget });
  const cache = new SeriesCache({ now, volatileMinutes: opts.settleMinutes });
  const healthClient = new ServiceHealthClient({
    baseUrl,
    budget: new ServiceHealthBudget({ now }),
    deps: { now },
  });
  return {
    client,
    metrics: new MetricsService({ client, budget, cache, now }),
    gate: new AccessGate(client, now),
    health: {
      client: healthClient,
      poller: new ServiceHealthPoller(healthClient, now),
      access: new HealthAccess(healthClient, now),
    },
  };
}
