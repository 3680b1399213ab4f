import assert from 'node:assert/strict';
import { AccessGate } from '../../src/graph/access-gate';
import { GraphMetricsClient } from '../../src/graph/client';
import { SqliteStore } from '../../src/store/sqlite-store';
import { DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';

const T = '00000000-0000-4000-8000-000000000001';

describe('AccessGate: per-user permission checks in front of the per-tenant cache', () => {
  let sim: Simulator;
  let client: GraphMetricsClient;
  let now = Date.parse('2026-11-27T12:07:00Z');
  before(async () => {
    sim = await startSimulator({ now: () => new Date(now) });
    client = new GraphMetricsClient({ baseUrl: sim.url });
  });
  after(() => sim.close());

  const token = (oid: string, scp: string[]) => async () =>
    sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, oid, scp });

  it('probes every group once in one batch with the caller’s own token, then answers from memory', async () => {
    const gate = new AccessGate(client, new SqliteStore(':memory:'), () => now);
    const before = client.stats.httpRequests;
    const admin = token('admin', [
      'ServiceActivity-Exchange.Read.All',
      'ServiceActivity-Teams.Read.All',
      'ServiceActivity-OneDrive.Read.All',
      'ServiceActivity-Microsoft365Web.Read.All',
      'Reports.Read.All',
    ]);
    const access = await gate.check({ tenantId: T, userId: 'admin', token: admin });
    assert.ok([...access.values()].every((a) => a.allowed));
    assert.equal(client.stats.httpRequests - before, 1, 'one $batch');
    await gate.check({ tenantId: T, userId: 'admin', token: admin });
    assert.equal(client.stats.httpRequests - before, 1, 'no second probe within 5 minutes');
  });

  it('denies the groups a user lacks the permission for, naming it, and re-probes after the TTL', async () => {
    const gate = new AccessGate(client, new SqliteStore(':memory:'), () => now);
    const limited = token('helpdesk', ['ServiceActivity-Exchange.Read.All']);
    const access = await gate.check({ tenantId: T, userId: 'helpdesk', token: limited }, [
      'exchange',
      'teams',
    ]);
    assert.deepEqual(access.get('exchange'), { allowed: true });
    const teams = access.get('teams')!;
    assert.ok(!teams.allowed && teams.error.kind === 'MissingPermission');
    assert.match(teams.error.message, /ServiceActivity-Teams\.Read\.All/);
    const before = client.stats.httpRequests;
    now += 6 * 60_000;
    await gate.check({ tenantId: T, userId: 'helpdesk', token: limited }, ['exchange', 'teams']);
    assert.equal(
      client.stats.httpRequests - before,
      1,
      'only the denied group is asked again after 5 minutes',
    );
  });

  it('refuses a Graph call with no signed-in caller', async () => {
    const gate = new AccessGate(client, new SqliteStore(':memory:'), () => now);
    const access = await gate.check(
      { tenantId: T, userId: 'nobody', token: () => Promise.reject(new Error('no sign-in')) },
      ['exchange'],
    );
    const ex = access.get('exchange')!;
    assert.ok(!ex.allowed && ex.error.kind === 'SignInRequired');
  });
});
