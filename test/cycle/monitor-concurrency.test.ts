import assert from 'node:assert/strict';
import pino from 'pino';
import { AdaptiveConcurrency } from '../../src/cycle/adaptive-concurrency';
import { Monitor } from '../../src/cycle/monitor';
import type { CycleDeps } from '../../src/cycle/tenant-cycle';
import type { CycleReport } from '../../src/cycle/types';
import { createGraphServices } from '../../src/graph/graph-services';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';
import type { PartitionLeases } from '../../src/store/partitions/partition-leases';
import { SqliteStore } from '../../src/store/sqlite-store';
import { allMetricsDeps } from './all-metrics-deps';

const TENANTS = Array.from(
  { length: 24 },
  (_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
);

/** Every tenant is this instance's. */
const allMine: PartitionLeases = {
  start: async () => undefined,
  stop: async () => undefined,
  owned: () => new Set([0]),
  owns: () => true,
  onChange: () => () => undefined,
};

describe('Monitor: tenants in flight follow how Graph answers (real cycles against the simulated tenant)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let now = Date.parse('2026-11-25T10:02:00Z');
  let store: SqliteStore;
  let cycle: CycleDeps;
  /** The tenants the next cycle polls. */
  let polled = TENANTS;

  const monitorWith = (concurrency: number | AdaptiveConcurrency) =>
    new Monitor({
      cycle,
      outbox: cycle.outbox,
      leases: allMine,
      logger: pino({ level: 'silent' }),
      concurrency,
      now: () => now,
    });
  /** One cycle 5 minutes after the last: every tenant fetches the new bucket (2 `$batch` requests), nothing more. */
  const warmCycle = async (monitor: Monitor): Promise<CycleReport[]> => {
    now += 5 * 60_000;
    const reports = await monitor.runOnce();
    assert.equal(reports.length, polled.length, 'every tenant is polled');
    return reports;
  };

  before(async () => {
    sim = await startSimulator({ now: () => new Date(now) });
    store = new SqliteStore(':memory:');
    const graph = createGraphServices(sim.url, () => now);
    const base = allMetricsDeps(sim, TENANTS[0], store, graph, now);
    const subs = await base.config.subscriptions(TENANTS[0]);
    cycle = {
      ...base,
      config: {
        ...base.config,
        tenants: async () => polled,
        subscriptions: async (tenantId) =>
          subs.map((s) => ({ ...s, tenantId, admin: { ...s.admin, tenantId } })),
      },
      credential: async (tenantId) => ({
        kind: 'app',
        token: sim.issueGraphToken({ tenantId, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] }),
      }),
    };
    // The cold cycle (history days for every tenant) at a fixed level, so the phases below see warm cycles only.
    const cold = await monitorWith(8).runOnce();
    assert.ok(
      cold.every((r) => r.errors.length === 0),
      JSON.stringify(cold.map((r) => r.errors)),
    );
  });
  after(async () => {
    sim.faults.clear();
    await store.close();
    await sim.close();
  });
  afterEach(() => {
    sim.faults.clear();
    polled = TENANTS;
  });

  it('polls more tenants at once while Graph latency holds, and fewer when it rises', async () => {
    const concurrency = new AdaptiveConcurrency({ initial: 2, max: 8 });
    const monitor = monitorWith(concurrency);
    // Latency well above this process's own work per tenant (the simulated tenant runs in it too).
    sim.faults.set({ latencyMs: 1_000 });
    polled = TENANTS.slice(0, 20);
    const steady = await warmCycle(monitor);
    assert.ok(
      steady.every((r) => r.errors.length === 0 && !r.congested && (r.graphMs ?? 0) >= 1_000),
      JSON.stringify(steady.map((r) => [r.errors, r.graphMs])),
    );
    // 2 → 4 (slow start), then 8 or, if this process's own work made the window slower, one more per window.
    assert.ok(concurrency.limit >= 5, `grew from 2 to ${concurrency.limit}`);
    const grown = concurrency.limit;

    // Graph answers four times slower: the first window averages 4 s (> 2 × 1 s) and halves, then again.
    sim.faults.set({ latencyMs: 4_000 });
    // The window phase 1 left open closes first, so give it three windows' worth of tenants.
    polled = TENANTS.slice(0, 3 * grown);
    const slow = await warmCycle(monitor);
    assert.ok(slow.every((r) => r.errors.length === 0 && !r.congested));
    assert.ok(
      concurrency.limit <= Math.max(1, Math.floor(grown / 4)),
      `halved at least twice in ${3 * grown} tenants: ${grown} → ${concurrency.limit}`,
    );
    await monitor.stop();
  });

  it('leaves the level alone when every tenant is served from the cache', async () => {
    const concurrency = new AdaptiveConcurrency({ initial: 2, max: 8 });
    const monitor = monitorWith(concurrency);
    await monitor.runOnce(now); // brings every tenant up to date at this instant
    await monitor.runOnce(now); // closes the window its last Graph fetches were in
    const before = concurrency.limit;
    const cached = await monitor.runOnce(now); // the same instant again: every bucket is cached
    assert.ok(cached.every((r) => r.graphMs === undefined && r.errors.length === 0));
    assert.equal(concurrency.limit, before);
    await monitor.stop();
  });

  it('polls fewer tenants at once when Graph throttles, and more again once it stops', async () => {
    const concurrency = new AdaptiveConcurrency({ initial: 8 });
    const monitor = monitorWith(concurrency);
    sim.faults.set({ throttleRate: 1, retryAfterSeconds: 600 }); // past the monitor's retry budget: Throttled at once
    const throttled = await warmCycle(monitor);
    assert.ok(throttled.every((r) => r.congested));
    // 8 → 4 on the first; the 7 in flight with it do not count; the 9th closes that window → 2, the 13th → 1.
    assert.equal(concurrency.limit, 1, 'halved once per window, not once per throttled tenant');

    sim.faults.set({ latencyMs: 100 });
    const calm = await warmCycle(monitor);
    assert.ok(
      calm.every((r) => !r.congested && r.errors.length === 0),
      JSON.stringify(calm.map((r) => r.errors)),
    );
    assert.ok(concurrency.limit > 1, `one more per window of finished tenants (now ${concurrency.limit})`);
    await monitor.stop();
  });
});
