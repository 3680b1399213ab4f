import assert from 'node:assert/strict';
import { IssueCardStore } from '../../src/alerts/issue-card-store';
import { ConversationRegistry } from '../../src/conversations/registry';
import { alertCardsWith } from '../../src/cycle/alert-renderers';
import { HealthCycle, issueCardKey, type HealthCycleDeps } from '../../src/cycle/health-cycle';
import type { MonitorConfigSource, WatchedConversation } from '../../src/cycle/types';
import type { Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { createGraphServices, type GraphServices } from '../../src/graph/graph-services';
import type { StatusReport } from '../../src/graph/metrics-reader';
import { monitorServiceHealth } from '../../src/graph/service-health/monitor-health';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';
import { SqliteStore } from '../../src/store/sqlite-store';

const T = '00000000-0000-4000-8000-00000000000b';
const admin = { tenantId: T, oid: 'adele', name: 'Adele' };
const notifier: Notifier = { post: async () => 'm', update: async () => undefined };

describe("HealthCycle: Microsoft's issues for the monitor (simulated tenant, SQLite)", function () {
  this.timeout(30_000);
  let sim: Simulator;
  let now = 0;
  let store: SqliteStore;
  let graph: GraphServices;
  let listings: number;
  let subs: WatchedConversation[];
  let deps: HealthCycleDeps;

  before(async () => (sim = await startSimulator({ now: () => new Date(now) })));
  after(() => sim.close());
  beforeEach(() => {
    now = Date.parse('2026-11-25T12:02:30Z');
    store = new SqliteStore(':memory:');
    const list = store.list.bind(store);
    listings = 0;
    store.list = (prefix: string) => {
      if (prefix.startsWith('issuecards/')) listings++;
      return list(prefix);
    };
    graph = createGraphServices(sim.url, () => now);
    subs = [
      {
        id: 's',
        tenantId: T,
        conversationId: 'chan',
        scope: { kind: 'service', service: 'exchange' },
        admin,
        locale: 'en-GB',
        timeZone: 'UTC',
      },
    ];
    const config = { subscriptions: async () => subs } as unknown as MonitorConfigSource;
    deps = {
      config,
      health: monitorServiceHealth(graph.health.poller),
      credential: async () => ({
        kind: 'app',
        token: sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] }),
      }),
      records: new IssueCardStore(store),
      outbox: new Outbox({
        store,
        registry: new ConversationRegistry(store),
        notifier,
        budget: new SendBudget(),
        owner: 'test',
        now: () => now,
      }),
    };
  });
  afterEach(() => store.close());

  const roundAfter = async (cycle: HealthCycle, minutes: number) => {
    now += minutes * 60_000;
    const before = graph.health.client.stats.httpRequests;
    const listed = listings;
    const report = await cycle.run(T, now);
    return {
      report,
      requests: graph.health.client.stats.httpRequests - before,
      listings: listings - listed,
    };
  };

  it('idle: each round is the one incremental Graph request, with no store read and no card', async () => {
    const cycle = new HealthCycle(deps);
    const first = await roundAfter(cycle, 0);
    assert.deepEqual(first.report.errors, []);
    assert.equal(first.requests, 1, 'issues and overviews in one $batch');
    assert.equal(first.listings, 1);
    for (let m = 0; m < 12; m++) {
      const r = await roundAfter(cycle, 5);
      assert.deepEqual(r.report.errors, []);
      assert.equal(r.requests, 1, `round ${m}`);
      assert.equal(r.report.unchanged, true, `round ${m}`);
      assert.equal(r.listings, 0, 'no store read when nothing changed');
    }
    assert.deepEqual(await deps.outbox.items(T), []);
  });

  it('an incident: one card queued under its key, nothing again from a fresh cycle (restart) on the same store', async () => {
    sim.scenarios.start({ name: 'exchange-outage', startsInMinutes: -15, durationMinutes: 60, tenantId: T });
    const first = await roundAfter(new HealthCycle(deps), 0);
    assert.equal(first.report.cardsPosted, 1);
    const [item] = await deps.outbox.items(T);
    assert.match(item.cardKey, /^msissue\|EX\d{6}$/);
    assert.equal(item.conversationId, 'chan');
    const restarted = await roundAfter(new HealthCycle(deps), 1);
    assert.equal(restarted.report.cardsPosted + restarted.report.cardsUpdated, 0);
    assert.equal(restarted.listings, 1, 'a fresh process reads the records once');
    assert.equal((await deps.outbox.items(T)).length, 1);
    assert.equal(issueCardKey('EX1'), 'msissue|EX1');
  });

  it('no identity for service health: says why, polls nothing, queues nothing', async () => {
    deps.credential = async () => ({ kind: 'none', reason: 'no admin is signed in', admins: [admin] });
    const r = await roundAfter(new HealthCycle(deps), 0);
    assert.match(r.report.errors.join(), /no identity can read service health: no admin is signed in/);
    assert.equal(r.requests, 0);
  });

  it('the digest lists the open Microsoft incidents of its services; alert cards name them', async () => {
    sim.scenarios.start({ name: 'exchange-outage', startsInMinutes: -15, durationMinutes: 60, tenantId: T });
    await new HealthCycle(deps).run(T, now);
    const known = deps.health.known(T)!;
    const id = [...known.issues.values()].find((i) => i.service === 'Exchange Online' && !i.isResolved)!.id;
    const cards = alertCardsWith(
      () => [...known.issues.values()].filter((i) => i.id === id),
      () => known,
    );
    const report: StatusReport = {
      tenantId: T,
      intervalMinutes: 15,
      asOf: new Date(now).toISOString(),
      latestCompleteBucket: new Date(now - 15 * 60_000).toISOString(),
      metrics: [],
    };
    const digest = JSON.stringify(cards.digest({ report, now, timeZone: 'UTC', locale: 'en-GB' }));
    assert.match(digest, /Microsoft's service health/);
    assert.ok(digest.includes(id), 'the open incident is listed');
    const noHealth = JSON.stringify(
      alertCardsWith(
        () => [],
        () => undefined,
      ).digest({ report, now, timeZone: 'UTC', locale: 'en-GB' }),
    );
    assert.doesNotMatch(noHealth, /Microsoft's service health/);
  });
});
