import { AccessGate } from './access-gate';
import { AccessProofs } from './access-proofs';
import { SqliteStore } from '../store/sqlite-store';
import type { KeyValueStore } from '../store/store';
import { RequestBudget, type RequestBudgetOptions } from './budget';
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

/** The monitor's reserved units of every metric's request budget (of Graph's 100 per 10 minutes). */
export const MONITOR_RESERVE = 25;
/** Most units of a metric's budget that probes of users with no recent proof of access may hold. */
export const PROBE_LANE_LIMIT = 15;

/**
 * Builds them; `settleMinutes` is the monitor's settle time, so the cache treats buckets younger than it as
 * provisional (refetched after each boundary) rather than final. `store` holds the per-user access proofs shared
 * by every instance (an in-memory SQLite store when none is given: one process only); `shared` splits Graph's
 * quota between the instances of one app registration.
 */
export function createGraphServices(
  baseUrl: string,
  now: () => number = Date.now,
  opts: {
    settleMinutes?: number;
    store?: KeyValueStore;
    budget?: RequestBudget;
    /** How many instances share the app registration's quota, and the tenure of this one (see budget.ts). */
    shared?: Pick<RequestBudgetOptions, 'instances' | 'heldSince'>;
  } = {},
): GraphServices {
  const budget =
    opts.budget ??
    new RequestBudget({ now, monitorReserve: MONITOR_RESERVE, probeLimit: PROBE_LANE_LIMIT, ...opts.shared });
  const store = opts.store ?? new SqliteStore(':memory:');
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
    gate: new AccessGate(client, store, now),
    health: {
      client: healthClient,
      poller: new ServiceHealthPoller(healthClient, now),
      access: new HealthAccess(healthClient, new AccessProofs(store, now)),
    },
  };
}
