import assert from 'node:assert/strict';
import { groupsOfHealthService, metricById } from '../../src/domain/catalog';
import { MissingPermissionError, ThrottledError } from '../../src/graph/errors';
import { ServiceHealthBudget } from '../../src/graph/service-health/health-budget';
import { ServiceHealthClient } from '../../src/graph/service-health/health-client';
import { collectionPath, itemPath } from '../../src/graph/service-health/health-paths';
import { ServiceHealthPoller } from '../../src/graph/service-health/health-poller';
import { parseIssue, parseMessage } from '../../src/service-health/parse';
import { SCENARIOS, startSimulator, type Simulator } from '../../src/simulator';
import { ISSUE_SCRIPTS } from '../../src/simulator/service-health/issue-scripts';
import { simulatorTokenProvider } from './helpers/sim-token';

const TENANT = 'c0ffee00-0000-4000-8000-0000000000a1';
const T0 = Date.parse('2026-12-02T09:30:00Z');
const MIN = 60_000;
const HEALTH = ['ServiceHealth.Read.All', 'ServiceMessage.Read.All'];

describe('service health client and poller against the simulated tenant (real HTTP, v1.0)', () => {
  let sim: Simulator;
  let clock: { ms: number };
  const sleeps: number[] = [];
  const deps = { now: () => clock.ms, sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };
  const client = (opts: Partial<ConstructorParameters<typeof ServiceHealthClient>[0]> = {}) =>
    new ServiceHealthClient({
      baseUrl: sim.url,
      tokenProvider: simulatorTokenProvider(sim.url),
      deps,
      ...opts,
    });
  const graphRequests = () => sim.requestLog.filter((e) => e.kind === 'graph' || e.kind === 'batch');

  beforeEach(async () => {
    clock = { ms: T0 };
    sleeps.length = 0;
    sim = await startSimulator({ now: () => new Date(clock.ms) });
  });
  afterEach(() => sim.close());

  it('follows @odata.nextLink until the last page: 130 messages in pages of 50 are 3 GETs, none lost or repeated', async () => {
    const c = client({ pageSize: 50 });
    const values = await c.getAll(TENANT, { resource: 'messages', path: collectionPath('messages') });
    assert.equal(values.length, 130);
    assert.equal(new Set(values.map((v) => parseMessage(v)!.id)).size, 130);
    assert.equal(c.stats.httpRequests, 3);
    const log = graphRequests();
    assert.deepEqual(
      log.map((e) => e.path),
      [
        '/v1.0/admin/serviceAnnouncement/messages',
        '/v1.0/admin/serviceAnnouncement/messages',
        '/v1.0/admin/serviceAnnouncement/messages',
      ],
    );
  });

  it('sends the filters Pulse uses and gets exactly the matching items', async () => {
    sim.scenarios.start({ name: 'teams-advisory', startsInMinutes: -30, tenantId: TENANT });
    const c = client();
    const teams = (
      await c.getAll(TENANT, {
        resource: 'health',
        path: collectionPath('issues', "service eq 'Microsoft Teams'"),
      })
    ).map(parseIssue);
    assert.equal(teams.length, 1);
    assert.equal(teams[0]!.classification, 'advisory');
    const open = (
      await c.getAll(TENANT, { resource: 'health', path: collectionPath('issues', 'isResolved eq false') })
    ).map(parseIssue);
    assert.deepEqual(open.map((i) => i!.service).sort(), ['Microsoft Intune', 'Microsoft Teams']);
    const mail = (
      await c.getAll(TENANT, {
        resource: 'messages',
        path: collectionPath('messages', "services/any(s:s eq 'Exchange Online')"),
      })
    ).map(parseMessage);
    assert.ok(mail.length > 0 && mail.every((m) => m!.services.includes('Exchange Online')));
  });

  it('403: names the missing permission and roles; in a batch only the denied collection fails', async () => {
    const appOnlyHealth = async () =>
      sim.issueGraphToken({ tenantId: TENANT, appId: 'health-only', roles: ['ServiceHealth.Read.All'] });
    const c = client({ tokenProvider: appOnlyHealth });
    const [issues, messages] = await c.getMany(TENANT, [
      { resource: 'health', path: collectionPath('issues') },
      { resource: 'messages', path: collectionPath('messages') },
    ]);
    assert.equal(c.stats.httpRequests, 1, 'one $batch');
    assert.ok(issues.ok);
    assert.ok(!messages.ok);
    assert.ok(messages.error instanceof MissingPermissionError);
    assert.equal(messages.error.permission, 'ServiceMessage.Read.All');
    assert.match(messages.error.message, /ServiceMessage\.Read\.All.*admin consent.*Message Center Reader/);
    const none = client({
      tokenProvider: async () => sim.issueGraphToken({ tenantId: TENANT, appId: 'x', roles: [] }),
    });
    await assert.rejects(
      none.getAll(TENANT, { resource: 'health', path: collectionPath('healthOverviews') }),
      /ServiceHealth\.Read\.All/,
    );
  });

  it('404 for an unknown issue or message id is "no such item" (undefined), not an error', async () => {
    const c = client();
    assert.equal(
      await c.getOne(TENANT, { resource: 'health', path: itemPath('issues', 'EX000001') }),
      undefined,
    );
    assert.equal(
      await c.getOne(TENANT, { resource: 'messages', path: itemPath('messages', 'MC1') }),
      undefined,
    );
    const known = parseIssue(
      await c.getOne(TENANT, { resource: 'health', path: itemPath('issues', 'SP681204') }),
    );
    assert.equal(known?.isResolved, true);
    assert.equal(known?.status, 'serviceRestored');
  });

  it('waits Retry-After on a 429 and retries; the budget refuses before sending when spent', async () => {
    sim.faults.set({
      throttleRate: 1,
      retryAfterSeconds: 3,
      functions: ['serviceAnnouncement'],
      remaining: 1,
    });
    const c = client();
    const values = await c.getAll(TENANT, { resource: 'health', path: collectionPath('healthOverviews') });
    assert.equal(values.length, 10);
    assert.deepEqual(sleeps, [3000]);
    const tight = client({ budget: new ServiceHealthBudget({ now: () => clock.ms, perMinute: 1 }) });
    await tight.getAll(TENANT, { resource: 'health', path: collectionPath('healthOverviews') });
    const before = graphRequests().length;
    await assert.rejects(
      tight.getAll(TENANT, { resource: 'health', path: collectionPath('healthOverviews') }),
      (e: unknown) =>
        e instanceof ThrottledError && e.source === 'budget' && /240 requests a minute/.test(e.message),
    );
    assert.equal(graphRequests().length, before, 'nothing sent past the budget');
  });

  it('delegated and application identities read the same data; only the delegated read has a viewpoint', async () => {
    const delegated = client({
      tokenProvider: async () =>
        sim.issueGraphToken({ tenantId: TENANT, appId: 'pulse', scp: HEALTH, oid: 'u1' }),
    });
    const [d] = (
      await delegated.getAll(TENANT, { resource: 'messages', path: collectionPath('messages') })
    ).map(parseMessage);
    const [a] = (
      await client().getAll(TENANT, { resource: 'messages', path: collectionPath('messages') })
    ).map(parseMessage);
    assert.equal(d!.id, a!.id);
    assert.equal(typeof d!.isRead, 'boolean');
    assert.equal(a!.isRead, undefined);
  });

  it('polls incrementally: one request when nothing changed, none within the minute, changes as posts arrive', async () => {
    const c = client();
    const poller = new ServiceHealthPoller(c, () => clock.ms);
    const cold = await poller.poll(TENANT);
    assert.equal(cold.httpRequests, 1, 'issues + overviews in one $batch');
    assert.equal(cold.health.issues.size, 3);
    assert.deepEqual(
      cold.changes.map((ch) => ch.kinds),
      [['new'], ['new'], ['new']],
    );

    clock.ms += 30_000;
    const soon = await poller.poll(TENANT);
    assert.ok(soon.skipped);
    assert.equal(soon.httpRequests, 0, 'at most one poll a minute per tenant');

    clock.ms += 31_000;
    const before = graphRequests().length;
    const quiet = await poller.poll(TENANT);
    assert.equal(quiet.httpRequests, 1);
    assert.equal(graphRequests().length - before, 1, 'exactly the poll itself reached Graph');
    assert.deepEqual(quiet.changes, []);
    assert.equal(quiet.health.issues, cold.health.issues, 'no new objects when nothing changed');
    assert.equal(
      sim.requestLog.at(-1)!.fn,
      'serviceAnnouncement/issues',
      'overviews are not due yet: a plain GET',
    );

    const s = sim.scenarios.start({ name: 'mail-delivery-drop', tenantId: TENANT });
    clock.ms += 9 * MIN;
    const found = await poller.poll(TENANT);
    assert.equal(found.changes.length, 1);
    const issue = found.changes[0].issue;
    assert.deepEqual(found.changes[0].kinds, ['new']);
    assert.equal(issue.service, 'Exchange Online');
    assert.equal(
      found.health.overviews.find((o) => o.service === 'Exchange Online')?.status,
      'investigating',
    );

    clock.ms += 12 * MIN;
    const update = await poller.poll(TENANT);
    assert.deepEqual(
      update.changes.map((ch) => ch.kinds),
      [['post', 'status']],
    );

    clock.ms = Date.parse(s.endsAt) + 13 * MIN;
    const resolved = await poller.poll(TENANT);
    assert.deepEqual(
      resolved.changes.map((ch) => [ch.issue.id, ...ch.kinds]),
      [[issue.id, 'post', 'status', 'resolved']],
    );
    assert.deepEqual(
      resolved.health.statusHistory.get(issue.id)!.map((h) => h.status),
      ['investigating', 'serviceDegradation', 'serviceRestored'],
    );
    clock.ms += MIN;
    assert.deepEqual((await poller.poll(TENANT)).changes, [], 'a resolved issue is reported once');
  });

  it('asks only for issues modified since the newest known one (minus 10 minutes)', async () => {
    const poller = new ServiceHealthPoller(client(), () => clock.ms);
    await poller.poll(TENANT);
    clock.ms += MIN;
    await poller.poll(TENANT);
    const requests = sim.requestLog.filter((e) => e.fn === 'serviceAnnouncement/issues');
    assert.equal(requests.length, 2);
    assert.equal(requests[0].query, undefined, 'the first poll is a full listing');
    const newest = Math.max(
      ...[...poller.current(TENANT)!.issues.values()].map((i) => Date.parse(i.lastModifiedDateTime)),
    );
    const since = new Date(newest - 10 * MIN).toISOString().replace('.000', '');
    assert.equal(requests[1].query, `$filter=lastModifiedDateTime ge ${since}`);
  });

  it('a tenant not eligible for serviceActivity still gets service health', async () => {
    await sim.close();
    sim = await startSimulator({
      now: () => new Date(clock.ms),
      tenants: { [TENANT]: { seats: 100, eligible: false } },
    });
    const poller = new ServiceHealthPoller(client(), () => clock.ms);
    const r = await poller.poll(TENANT, { messages: true });
    assert.equal(r.health.overviews.length, 10);
    assert.equal(r.health.messages.size, 130);
    assert.deepEqual(r.health.errors, {});
  });

  it('every simulated Microsoft issue belongs to the service group whose telemetry its scenario degrades', () => {
    for (const [name, script] of Object.entries(ISSUE_SCRIPTS)) {
      const scenario = SCENARIOS.find((s) => s.name === name);
      assert.ok(scenario, name);
      const groups = groupsOfHealthService(script.service);
      assert.ok(groups.length > 0, `${script.service} maps to a service group`);
      for (const e of scenario.effects)
        assert.ok(groups.includes(metricById(e.metric)!.service), `${name}: ${e.metric}`);
    }
  });
});
