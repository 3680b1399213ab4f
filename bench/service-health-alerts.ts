/**
 * Cost of Microsoft's issue alerts: the monitor's service health round (`HealthCycle`) for one tenant with one
 * channel subscribed to Exchange, at the monitor's default cycle (5 minutes), for two simulated hours against the
 * simulated tenant; the table counts the second hour. Service health requests are what reached
 * `/admin/serviceAnnouncement` (a `$batch` counts once); telemetry requests are the serviceActivity reads behind the
 * "your telemetry" lines of issue cards (only when a card is queued); store listings are reads of the per-issue
 * dedupe records (none in a round with no news). Run: `node dist/bench/service-health-alerts.js [--no-write]`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IssueCardStore } from '../src/alerts/issue-card-store';
import { ConversationRegistry } from '../src/conversations/registry';
import { HealthCycle } from '../src/cycle/health-cycle';
import type { MonitorConfigSource, WatchedConversation } from '../src/cycle/types';
import { Outbox } from '../src/delivery/outbox';
import { SendBudget } from '../src/delivery/send-budget';
import { createGraphServices } from '../src/graph/graph-services';
import { monitorMetrics } from '../src/graph/monitor-metrics';
import { monitorServiceHealth } from '../src/graph/service-health/monitor-health';
import { ALL_PERMISSIONS, startSimulator, type ScenarioStart } from '../src/simulator';
import { SqliteStore } from '../src/store/sqlite-store';
import { writeSection } from './support/markdown-section';

const { values: args } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });
const TENANT = 'bench-tenant';
const T0 = Date.parse('2026-11-25T08:00:00Z');
const MIN = 60_000;
const CYCLE_MIN = 5;

interface Result {
  name: string;
  health: number;
  telemetry: number;
  listings: number;
  posted: number;
  updated: number;
}

async function measure(name: string, scenario?: ScenarioStart): Promise<Result> {
  const clock = { ms: T0 };
  const now = () => clock.ms;
  const sim = await startSimulator({ now: () => new Date(clock.ms) });
  const token = sim.issueGraphToken({
    tenantId: TENANT,
    appId: 'bench',
    roles: [...ALL_PERMISSIONS],
    expiresInSeconds: 6 * 3600,
  });
  const graph = createGraphServices(sim.url, now);
  const store = new SqliteStore(':memory:');
  let listings = 0;
  const list = store.list.bind(store);
  store.list = (prefix: string) => {
    if (prefix.startsWith('issuecards/')) listings++;
    return list(prefix);
  };
  const admin = { tenantId: TENANT, oid: 'adele', name: 'Adele' };
  const subs: WatchedConversation[] = [
    {
      id: 's',
      tenantId: TENANT,
      conversationId: 'chan',
      scope: { kind: 'service', service: 'exchange' },
      admin,
      locale: 'en-US',
      timeZone: 'UTC',
    },
  ];
  const cycle = new HealthCycle({
    config: { subscriptions: async () => subs } as unknown as MonitorConfigSource,
    health: monitorServiceHealth(graph.health.poller),
    credential: async () => ({ kind: 'app', token }),
    records: new IssueCardStore(store),
    outbox: new Outbox({
      store,
      registry: new ConversationRegistry(store),
      notifier: { post: async () => 'm', update: async () => undefined },
      budget: new SendBudget(),
      owner: 'bench',
      now,
    }),
    metrics: monitorMetrics(graph.metrics),
  });
  if (scenario) sim.scenarios.start(scenario);
  const counts = () => ({
    total: sim.counters.requests - sim.counters.tokensIssued,
    health: graph.health.client.stats.httpRequests,
    listings,
  });
  let atHour = counts();
  let posted = 0;
  let updated = 0;
  for (let minute = 0; minute < 120; minute += CYCLE_MIN) {
    clock.ms = T0 + minute * MIN + 5_000;
    if (minute === 60) atHour = counts();
    const r = await cycle.run(TENANT, clock.ms);
    if (r.errors.length) throw new Error(r.errors.join('; '));
    if (minute >= 60) {
      posted += r.cardsPosted;
      updated += r.cardsUpdated;
    }
  }
  const end = counts();
  store.close();
  await sim.close();
  const health = end.health - atHour.health;
  return {
    name,
    health,
    telemetry: end.total - atHour.total - health,
    listings: end.listings - atHour.listings,
    posted,
    updated,
  };
}

async function main(): Promise<void> {
  const results = [
    await measure('Idle (no change all hour)'),
    await measure('Exchange incident: starts, gets posts, is resolved within the hour', {
      name: 'exchange-outage',
      at: new Date(T0 + 55 * MIN),
      durationMinutes: 25,
      tenantId: TENANT,
    }),
  ];
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.health} | ${r.telemetry} | ${r.listings} | ${r.posted} posted, ${r.updated} updated |`,
  );
  const body = [
    "The monitor's service health round for one tenant (one channel subscribed to Exchange) at the default",
    '5-minute monitor cycle, two simulated hours against the simulated tenant; the second hour is counted. Every',
    'round is one service health request (`issues` modified since the newest known, with `healthOverviews` in the',
    'same `$batch` when due); an incident adds no service health request, only the telemetry reads for the "your',
    'telemetry" lines of each card queued, and store reads of the dedupe records only in rounds with news. Chat',
    'reads share the same poller (at most one poll a minute per tenant). Run',
    '`node dist/bench/service-health-alerts.js`.',
    '',
    '| Case | Service health requests / hour | Telemetry requests / hour | Dedupe record listings / hour | Cards |',
    '| ---- | ------------------------------ | ------------------------- | ----------------------------- | ----- |',
    ...rows,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!args['no-write']) {
    const file = path.resolve(__dirname, '..', '..', 'docs/benchmarks.md');
    await writeSection(file, 'Service health alerts', body);
  }
}

void main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
