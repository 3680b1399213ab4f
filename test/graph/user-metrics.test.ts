import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/store/sqlite-store';
import { AccessGate } from '../../src/graph/access-gate';
import { GraphMetricsClient } from '../../src/graph/client';
import { RequestBudget } from '../../src/graph/budget';
import { METRICS } from '../../src/domain/catalog';
import { MetricsService } from '../../src/graph/metrics-service';
import { UserMetrics } from '../../src/graph/user-metrics';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';

const T = '00000000-0000-4000-8000-000000000001';

describe('UserMetrics: status and series for one signed-in user', () => {
  let sim: Simulator;
  let client: GraphMetricsClient;
  let service: MetricsService;
  let gate: AccessGate;
  before(async () => {
    sim = await startSimulator();
    const budget = new RequestBudget();
    client = new GraphMetricsClient({ baseUrl: sim.url, budget });
    service = new MetricsService({ client, budget });
    gate = new AccessGate(client, new SqliteStore(':memory:'));
  });
  after(() => sim.close());

  const userFor = (oid: string, scp: readonly string[]) =>
    new UserMetrics(service, gate, {
      tenantId: T,
      userId: oid,
      token: async () => sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, oid, scp: [...scp] }),
    });

  it('answers a cold status of all 39 metrics with trends in one probe plus at most two batches', async () => {
    const before = client.stats.httpRequests;
    const view = await userFor('admin', ALL_PERMISSIONS).status();
    assert.equal(view.report.metrics.length, METRICS.length);
    assert.ok(
      view.report.metrics.every((m) => m.ok),
      JSON.stringify(view.report.metrics.find((m) => !m.ok)),
    );
    assert.ok(client.stats.httpRequests - before <= 3, `${client.stats.httpRequests - before} requests`);
    assert.ok(Object.values(view.trends).every((points) => points.length >= 6));
    const warm = client.stats.httpRequests;
    await userFor('admin', ALL_PERMISSIONS).status();
    assert.equal(client.stats.httpRequests, warm, 'warm: no Graph request');
  });

  it('never hands a user cached data of a group Graph denies them', async () => {
    const view = await userFor('helpdesk', ['ServiceActivity-Exchange.Read.All']).status();
    const teams = view.report.metrics.filter((m) => m.fn.includes('Teams'));
    assert.ok(teams.length > 0 && teams.every((m) => !m.ok && m.error.kind === 'MissingPermission'));
    assert.ok(
      view.report.metrics
        .filter((m) => m.ok)
        .every((m) => METRICS.find((d) => d.fn === m.fn)!.service === 'exchange'),
    );
    await assert.rejects(
      userFor('helpdesk', ['ServiceActivity-Exchange.Read.All']).series({
        fn: 'getUsageMetricsForTeamsByMeetingsJoined',
        start: new Date(Date.now() - 3_600_000),
        end: new Date(),
        intervalMinutes: 15,
        compareLastWeek: false,
      }),
      /ServiceActivity-Teams\.Read\.All/,
    );
  });
});
