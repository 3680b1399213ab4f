import assert from 'node:assert/strict';
import { METRICS, SERVICES } from '../../src/domain/catalog';
import { RequestBudget } from '../../src/graph/budget';
import { createGraphServices, type GraphServices } from '../../src/graph/graph-services';
import { monitorMetrics } from '../../src/graph/monitor-metrics';
import { UserMetrics } from '../../src/graph/user-metrics';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';

const T = '00000000-0000-4000-8000-000000000001';
const NON_ADMINS = 200;
const DELEGATED = ALL_PERMISSIONS.filter((p) => p.startsWith('ServiceActivity') || p === 'Reports.Read.All');

describe('budget fairness: 200 non-admin users hammering cannot starve the monitor or admins', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let now = Date.parse('2026-11-27T12:07:00Z');
  before(async () => {
    sim = await startSimulator({ now: () => new Date(now) });
  });
  after(() => sim.close());

  /**
   * An admin proves access; 20 minutes later 200 users without an admin role send `status` three times each; then
   * the monitor fetches every metric and the admin (proof lapsed) asks for status. Returns what failed.
   */
  async function hammer(graph: GraphServices) {
    const userOf = (oid: string, scp: readonly string[]) =>
      new UserMetrics(
        graph.metrics,
        graph.gate,
        {
          tenantId: T,
          userId: oid,
          token: async () => sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, oid, scp: [...scp] }),
        },
        () => now,
      );
    const admin = userOf('admin', DELEGATED);
    assert.ok([...(await admin.access(SERVICES.map((s) => s.id))).values()].every((a) => a.allowed));
    now += 20 * 60_000;
    let refusedByGraph = 0;
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        Array.from({ length: NON_ADMINS }, async (_, i) => {
          const view = await userOf(`user-${i}`, ['User.Read']).status();
          assert.ok(
            view.report.metrics.every((m) => !m.ok),
            'a non-admin reads nothing',
          );
          refusedByGraph += view.report.metrics.filter(
            (m) => !m.ok && m.error.kind === 'MissingPermission',
          ).length;
        }),
      );
      now += 10_000;
    }
    assert.ok(refusedByGraph > 0, 'the non-admins reached Graph (and were refused there)');
    const appToken = async () =>
      sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] });
    const end = Math.floor(now / 900_000) * 900_000;
    const monitor = await monitorMetrics(graph.metrics).seriesMany(
      T,
      METRICS.map((m) => m.fn),
      () => [{ start: end - 2 * 3_600_000, end }],
      15,
      appToken,
    );
    const view = await admin.status();
    now += 60 * 60_000;
    return {
      monitorMissed: monitor.filter((r) => !r.ok).map((r) => r.fn),
      adminFailed: view.report.metrics.filter((m) => !m.ok).map((m) => m.fn),
    };
  }

  it('with the monitor reserve and the probe lane, the monitor misses no fetch and the admin reads everything', async () => {
    const r = await hammer(createGraphServices(sim.url, () => now));
    assert.deepEqual(r.monitorMissed, [], 'the monitor fetched every metric');
    assert.deepEqual(r.adminFailed, [], 'the admin reads every metric');
  });

  it('control: one shared budget (no lanes) lets the same users starve both', async () => {
    const shared = new RequestBudget({ now: () => now });
    const r = await hammer(createGraphServices(sim.url, () => now, { budget: shared }));
    assert.ok(r.monitorMissed.length > 0, 'the monitor missed the probed metrics');
    assert.ok(r.adminFailed.length > 0, 'the admin was refused');
  });
});
