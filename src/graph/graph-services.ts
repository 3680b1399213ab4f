import { AccessGate } from './access-gate';
import { RequestBudget } from './budget';
import { SeriesCache } from './cache';
import { callerTokenProvider } from './caller';
import { GraphMetricsClient } from './client';
import { MetricsService } from './metrics-service';
import { StatusMemo } from './user-metrics';

/** The process-wide Graph objects: one client, budget, cache and access gate shared by every user and the monitor. */
export interface GraphServices {
  client: GraphMetricsClient;
  metrics: MetricsService;
  gate: AccessGate;
  statusMemo: StatusMemo;
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
  const client = new GraphMetricsClient({ baseUrl, tokenProvider: callerTokenProvider, budget });
  const cache = new SeriesCache({ now, volatileMinutes: opts.settleMinutes });
  return {
    client,
    metrics: new MetricsService({ client, budget, cache, now }),
    gate: new AccessGate(client, now),
    statusMemo: new StatusMemo(),
  };
}
