import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { MetricQuery } from '../../src/graph/client-types';
import { createGraphServices, type GraphServices } from '../../src/graph/graph-services';
import { runTenantCycle, type CycleDeps } from '../../src/cycle/tenant-cycle';
import { historyDayOffset, historyPairOffset } from '../../src/cycle/windows';
import { startSimulator, type Simulator } from '../../src/simulator';
import { allMetricsDeps, FNS } from './all-metrics-deps';
import { SqliteStore } from '../../src/store/sqlite-store';

const T = '00000000-0000-4000-8000-00000000000a';
const H = 3_600_000;
const DAY = 24 * H;

describe('monitor cycle: Graph requests of a tenant subscribed to every metric', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let now = 0;
  let store: SqliteStore;
  let graph: GraphServices;
  let deps: CycleDeps;
  let queries: sinon.SinonSpy<Parameters<GraphServices['client']['getMany']>>;

  before(async () => (sim = await startSimulator({ now: () => new Date(now) })));
  after(() => sim.close());
  const setUp = (at: string) => {
    now = Date.parse(at);
    store = new SqliteStore(':memory:');
    graph = createGraphServices(sim.url, () => now);
    queries = sinon.spy(graph.client, 'getMany');
    deps = allMetricsDeps(sim, T, store, graph, now);
  };
  afterEach(() => store.close());

  /** Runs a cycle `minutes` after the last; returns its HTTP requests and the queries it sent. */
  const cycleAfter = async (minutes: number) => {
    now += minutes * 60_000;
    const requests = graph.client.stats.httpRequests;
    const calls = queries.callCount;
    const report = await runTenantCycle(T, now, deps);
    assert.deepEqual(report.errors, []);
    assert.equal(report.fetched, FNS.length);
    assert.equal(report.evaluations['insufficient-history'], 0, 'four weeks of history are read');
    const sent: MetricQuery[] = queries
      .getCalls()
      .slice(calls)
      .flatMap((c) => c.args[1]);
    return { requests: graph.client.stats.httpRequests - requests, sent };
  };
  const longest = (sent: readonly MetricQuery[]) =>
    Math.max(0, ...sent.map((q) => q.window.end.getTime() - q.window.start.getTime()));

  it('asks for whole history days, never weeks, on the first cycle, then ≤ 2 requests per 5-minute bucket, 0 inside one', async () => {
    setUp('2026-11-25T12:02:30Z');
    const cold = await cycleAfter(0);
    assert.ok(longest(cold.sent) <= DAY + 6 * H, `longest query ${longest(cold.sent) / DAY} days`);
    assert.ok(cold.requests <= 10, `${cold.requests} requests`);
    assert.equal((await cycleAfter(1)).requests, 0, 'same bucket: all cached');
    for (const at of ['12:08', '12:13', '12:18']) {
      const boundary = await cycleAfter(5);
      assert.ok(boundary.requests >= 1 && boundary.requests <= 2, `${boundary.requests} requests at ${at}`);
      assert.ok(
        boundary.sent.filter((q) => q.window.start.getTime() < now - DAY).length <= 1,
        'the current window, and at most one history day: the rest stay cached',
      );
      assert.ok(
        boundary.sent.every((q) => q.window.intervalMinutes === 5),
        'production judges 5-minute buckets',
      );
    }
  });

  it('fetches each history day once, one (metric, week) at a time: ≤ 2 requests in every warm cycle of a day', async function () {
    this.timeout(180_000); // 289 cycles of 39 metrics against the simulator: 12 s alone, longer on a busy machine
    setUp('2026-11-25T12:02:30Z');
    await cycleAfter(0);
    const history: MetricQuery[] = [];
    let most = 0;
    for (let cycle = 0; cycle < 288; cycle++) {
      const { requests, sent } = await cycleAfter(5);
      most = Math.max(most, requests);
      const old = sent.filter((q) => q.window.start.getTime() < now - DAY);
      assert.ok(old.length <= 1, `${old.length} history days in one cycle`);
      history.push(...old);
    }
    assert.equal(most, 2, 'every warm cycle fits in the two $batch requests of the 39 current windows');
    assert.equal(history.length, 4 * FNS.length, `one new day per week and metric: ${history.length}`);
    assert.ok(history.every((q) => q.window.end.getTime() - q.window.start.getTime() === DAY));
    const pairs = new Set(
      history.map((q) => `${q.fn} ${Math.round((now - q.window.end.getTime()) / (7 * DAY))}`),
    );
    assert.equal(pairs.size, 4 * FNS.length, 'each metric and week once');
  });

  it('spreads the (metric, week) history days of one tenant evenly over its day', () => {
    const offsets = FNS.flatMap((fn) => [1, 2, 3, 4].map((w) => historyPairOffset(T, fn, w, 5)));
    assert.equal(new Set(offsets).size, offsets.length, 'no two pairs turn in the same 5-minute cycle');
    assert.ok(offsets.every((o) => o >= 0 && o < DAY && o % (5 * 60_000) === 0));
  });

  it('lets the event loop turn before each tenant, even when everything is cached and the store is synchronous', async () => {
    setUp('2026-11-25T12:02:30Z');
    await cycleAfter(0);
    const order: string[] = [];
    const read = deps.config.subscriptions;
    deps.config.subscriptions = (t) => (order.push('tenant'), read(t));
    setImmediate(() => order.push('timer'));
    await cycleAfter(1); // same bucket, all cached: no request, no I/O
    assert.deepEqual(order, ['timer', 'tenant']);
  });

  it('spreads the history day boundaries of tenants over the day, on bucket starts', () => {
    const offsets = Array.from({ length: 1000 }, (_, i) => historyDayOffset(`tenant-${i}`, 15));
    assert.ok(offsets.every((o) => o >= 0 && o < DAY && o % (15 * 60_000) === 0));
    const hours = new Set(offsets.map((o) => Math.floor(o / H)));
    assert.equal(hours.size, 24, 'every hour of the day has some');
    assert.equal(historyDayOffset('ABC', 15), historyDayOffset('abc', 15), 'tenant ids are case-insensitive');
  });
});
