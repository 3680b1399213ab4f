import { AccessGate } from './access-gate';
import { RequestBudget } from './budget';
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

export function createGraphServices(baseUrl: string, now: () => number = Date.now): GraphServices {
  const budget = new RequestBudget({ now });
  const client = new GraphMetricsClient({ baseUrl, budget });
  return {
    client,
    metrics: new MetricsService({ client, budget, now }),
    gate: new AccessGate(client, now),
    statusMemo: new StatusMemo(),
  };
}
