import assert from 'node:assert/strict';
import pino from 'pino';
import { AdaptiveConcurrency } from '../../src/cycle/adaptive-concurrency';
import { Monitor } from '../../src/cycle/monitor';
import type { CycleDeps } from '../../src/cycle/tenant-cycle';
import { createGraphServices } from '../../src/graph/graph-services';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';
import type { PartitionLeases } from '../../src/store/partitions/partition-leases';
import { SqliteStore } from '../../src/store/sqlite-store';
import { allMetricsDeps } from './all-metrics-deps';

const TENANTS = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000010${i}`);

/** Every tenant is this instance's. */
const allMine: PartitionLeases = {
  start: async () => undefined,
  stop: async () => undefined,
  owned: () => new Set([0]),
  owns: () => true,
  onChange: () => () => undefined,
};

describe('Monitor: tenants in flight follow how Graph answers (real cycles against the simulated tenant)', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let now = Date.parse('2026-11-25T10:02:00Z');
  let store: SqliteStore;

  before(async () => (sim = await startSimulator({ now: () => new Date(now) })));
  after(() => sim.close());
  beforeEach(() => (store = new SqliteStore(':memory:')));
  afterEach(() => store.close());

  it('polls fewer tenants at once when Graph throttles, and more again once it stops', async () => {
    const graph = createGraphServices(sim.url, () => now);
    const base = allMetricsDeps(sim, TENANTS[0], store, graph, now);
    const tenantsSubs = await base.config.subscriptions(TENANTS[0]);
    const cycle: CycleDeps = {
      ...base,
      config: {
        ...base.config,
        tenants: async () => TENANTS,
        subscriptions: async (tenantId) =>
          tenantsSubs.map((s) => ({ ...s, tenantId, admin: { ...s.admin, tenantId } })),
      },
      credential: async (tenantId) => ({
        kind: 'app',
        token: sim.issueGraphToken({ tenantId, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] }),
      }),
    };
    const concurrency = new AdaptiveConcurrency({ initial: 4 });
    const monitor = new Monitor({
      cycle,
      outbox: base.outbox,
      leases: allMine,
      logger: pino({ level: 'silent' }),
      concurrency,
      now: () => now,
    });

    sim.faults.set({ throttleRate: 1, retryAfterSeconds: 600 }); // past the monitor's retry budget: Throttled at once
    const throttled = await monitor.runOnce();
    assert.equal(throttled.length, TENANTS.length, 'every tenant is still polled');
    assert.ok(throttled.every((r) => r.congested));
    // 4 → 2 on the first; the 3 in flight with it do not count; the 5th closes that window (all throttled) → 1.
    assert.equal(concurrency.limit, 1, 'halved once per window, not once per throttled tenant');

    sim.faults.clear();
    now += 5 * 60_000;
    const calm = await monitor.runOnce();
    assert.ok(
      calm.every((r) => !r.congested && r.errors.length === 0),
      JSON.stringify(calm.map((r) => r.errors)),
    );
    assert.equal(concurrency.limit, 4, 'one more per window of finished tenants: 1 → 2 → 3 → 4');
    await monitor.stop();
  });
});
