import pino from 'pino';
import { createAlertStores } from '../../src/alerts/alert-stores';
import { ruleKey } from '../../src/alerts/store-keys';
import { SubscriptionStore } from '../../src/alerts/subscription-store';
import { ConversationRegistry } from '../../src/conversations/registry';
import type { Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { METRICS } from '../../src/domain/catalog';
import { RequestBudget } from '../../src/graph/budget';
import { SeriesCache } from '../../src/graph/cache';
import { HistoryStore } from '../../src/graph/history-store';
import { GraphMetricsClient } from '../../src/graph/client';
import { MetricsService } from '../../src/graph/metrics-service';
import { defaultRulesFor } from '../../src/monitor/rules';
import { alertCards } from '../../src/cycle/alert-renderers';
import { ChartStore } from '../../src/alerts/chart-store';
import { configFromStores } from '../../src/cycle/config-from-stores';
import { IncidentRepository } from '../../src/alerts/incident-repository';
import type { AdaptiveConcurrency } from '../../src/cycle/adaptive-concurrency';
import { Monitor } from '../../src/cycle/monitor';
import { monitorMetrics } from '../../src/graph/monitor-metrics';
import type { PartitionLeases } from '../../src/store/partitions/partition-leases';
import { DEFAULT_PARTITIONS } from '../../src/store/partitions/partition-of';
import type { KeyValueStore } from '../../src/store/store';

/** Records every card it is asked to send and sends nothing. */
export class RecordingNotifier implements Notifier {
  posts = 0;
  updates = 0;
  async post(): Promise<string> {
    return `msg-${++this.posts}`;
  }
  async update(): Promise<void> {
    this.updates++;
  }
}

/** One instance owning every partition, as a single-instance deployment does. */
/** One instance holding every partition (the monitor lists the tenants of the partitions it holds). */
const OWN_ALL: PartitionLeases = {
  start: async () => undefined,
  owned: () => new Set(Array.from({ length: DEFAULT_PARTITIONS }, (_, p) => p)),
  owns: () => true,
  onChange: () => () => undefined,
  stop: async () => undefined,
};

/** Tenant ids of one benchmark size: valid GUID form, distinct per size. */
export function benchTenants(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `be7c0000-${String(count).padStart(4, '0').slice(-4)}-4000-8000-${String(i).padStart(12, '0')}`,
  );
}

/**
 * Stores what `subscribe all` leaves for each tenant: one channel subscription to every metric, the catalog's
 * default rule of each (39, in one write rather than `ensureDefaults`' read and write per rule), and the
 * conversation record the outbox sends to. 16 tenants at a time, so seeding Azurite takes seconds, not minutes.
 */
export async function seedTenants(
  store: KeyValueStore,
  tenants: readonly string[],
  now: number,
  reference: (conversationId: string, tenantId: string) => Record<string, unknown> = (conversationId) => ({
    conversation: { id: conversationId },
  }),
): Promise<void> {
  const subscriptions = new SubscriptionStore(store);
  const registry = new ConversationRegistry(store);
  const createdAt = new Date(now).toISOString();
  const fns = METRICS.map((m) => m.fn);
  const one = async (tenantId: string) => {
    const conversationId = `19:alerts-${tenantId}@thread.tacv2`;
    const admin = { id: '29:admin', name: 'Adele Vance', oid: `oid-${tenantId}` };
    await registry.upsert(
      { conversationId, tenantId, scope: 'channel', reference: reference(conversationId, tenantId) },
      new Date(now),
    );
    await subscriptions.add({
      id: `${conversationId}|all`,
      tenantId,
      conversationId,
      scope: { kind: 'all' },
      createdBy: admin,
      createdAt,
    });
    const origin = { tenantId, createdBy: { id: admin.oid, name: admin.name }, createdAt };
    await store.write(
      Object.fromEntries(defaultRulesFor(fns, origin).map((r) => [ruleKey(tenantId, r.id), { ...r }])),
    );
  };
  for (let i = 0; i < tenants.length; i += 16) await Promise.all(tenants.slice(i, i + 16).map(one));
}

/** What the benchmark reads back: the Graph client's counters and the cache's size. */
export interface BenchGraph {
  client: GraphMetricsClient;
  cache: SeriesCache;
  /** The monitor's compact history (1–4 weeks back). */
  history: HistoryStore;
}

/**
 * The monitor wired as `createAlerting` wires it (Graph objects as `createGraphServices` builds them, with the cache
 * held here so its size can be read), app-only tokens handed in, a recording notifier unless `extra.notifier` is
 * given. `tenants` narrows the tenants a cycle polls (default: every subscribed one); `extra.settleMinutes` is
 * `MONITOR_SETTLE_MINUTES` (default its default); `extra.leases` the partitions of one of several instances.
 */
export function buildMonitor(
  store: KeyValueStore,
  simUrl: string,
  tokens: Record<string, string>,
  clock: () => number,
  tenants?: () => Promise<string[]>,
  extra: {
    notifier?: Notifier;
    settleMinutes?: number;
    concurrency?: number | AdaptiveConcurrency;
    /** This instance's share of the partitions (default: all of them, as a single instance). */
    leases?: PartitionLeases;
  } = {},
): { monitor: Monitor; graph: BenchGraph; notifier: RecordingNotifier } {
  const budget = new RequestBudget({ now: clock });
  const client = new GraphMetricsClient({ baseUrl: simUrl, budget });
  const cache = new SeriesCache({ now: clock });
  const history = new HistoryStore({ now: clock });
  const metrics = new MetricsService({ client, budget, cache, history, now: clock });
  const notifier = new RecordingNotifier();
  const outbox = new Outbox({
    store,
    registry: new ConversationRegistry(store),
    notifier: extra.notifier ?? notifier,
    budget: new SendBudget(),
    owner: 'bench',
    now: clock,
  });
  const config = configFromStores(createAlertStores(store));
  const monitor = new Monitor({
    cycle: {
      config: tenants ? { ...config, tenants } : config,
      metrics: monitorMetrics(metrics),
      credential: async (tenantId) => ({ kind: 'app', token: tokens[tenantId] }),
      incidents: new IncidentRepository(store),
      outbox,
      cards: alertCards,
      charts: new ChartStore(store),
      ...(extra.settleMinutes === undefined ? {} : { settleMinutes: extra.settleMinutes }),
    },
    outbox,
    leases: extra.leases ?? OWN_ALL,
    logger: pino({ level: 'silent' }),
    now: clock,
    ...(extra.concurrency === undefined ? {} : { concurrency: extra.concurrency }),
  });
  return { monitor, graph: { client, cache, history }, notifier };
}
