import { ConversationRegistry } from '../../src/conversations/registry';
import type { Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { METRICS } from '../../src/domain/catalog';
import type { GraphServices } from '../../src/graph/graph-services';
import { defaultRulesFor } from '../../src/monitor/rules';
import { IncidentRepository } from '../../src/alerts/incident-repository';
import { monitorMetrics } from '../../src/graph/monitor-metrics';
import type { CycleDeps } from '../../src/cycle/tenant-cycle';
import type { AlertCards } from '../../src/cycle/types';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, type Simulator } from '../../src/simulator';
import type { KeyValueStore } from '../../src/store/store';

/** Every catalog metric. */
export const FNS = METRICS.map((m) => m.fn);
const cards: AlertCards = {
  group: ({ group }) => ({ key: group.key }),
  paused: () => ({ paused: true }),
  digest: () => ({ digest: true }),
};
const notifier: Notifier = { post: async () => 'm', update: async () => undefined };

/**
 * A cycle's dependencies for one tenant subscribed to every metric with the 39 default rules, reading Graph with an
 * app-only token from the simulator, its incidents and outbox in `store`, and cards reduced to their keys.
 */
export function allMetricsDeps(
  sim: Simulator,
  tenantId: string,
  store: KeyValueStore,
  graph: GraphServices,
  now: number,
): CycleDeps {
  const origin = {
    tenantId,
    createdBy: { id: 'adele', name: 'Adele' },
    createdAt: new Date(now).toISOString(),
  };
  const rules = defaultRulesFor(FNS, origin);
  const admin = { tenantId, oid: 'adele', name: 'Adele' };
  return {
    config: {
      tenants: async () => [tenantId],
      subscriptions: async () => [
        {
          id: 's',
          tenantId,
          conversationId: 'c',
          scope: { kind: 'all' },
          admin,
          locale: 'en-GB',
          timeZone: 'UTC',
        },
      ],
      rules: async () => rules,
      setPaused: async () => undefined,
      setDigestSent: async () => undefined,
    },
    metrics: monitorMetrics(graph.metrics),
    credential: async () => ({
      kind: 'app',
      token: sim.issueGraphToken({ tenantId, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] }),
    }),
    incidents: new IncidentRepository(store),
    outbox: new Outbox({
      store,
      registry: new ConversationRegistry(store),
      notifier,
      budget: new SendBudget(),
      owner: 'test',
    }),
    cards,
  };
}
