import assert from 'node:assert/strict';
import { RequestBudget } from '../../src/graph/budget';
import { metricByFn } from '../../src/domain/catalog';
import { GraphMetricsClient, type MetricQuery } from '../../src/graph/client';
import type { MetricsApiError, MissingPermissionError, ThrottledError } from '../../src/graph/errors';
import type { RetryPolicy } from '../../src/graph/retry';
import { startSimulator, type Simulator } from '../../src/simulator';
import { simulatorTokenProvider } from './helpers/sim-token';

const NOW = Date.parse('2024-10-02T12:07:30Z');
const A = 'c0ffee00-0000-4000-8000-00000000000a';
const B = 'c0ffee00-0000-4000-8000-00000000000b';
const SMALL = 'c0ffee00-0000-4000-8000-0000000000c5';
const EXO_ONLY = '22222222-3333-4444-8555-666666666666';
const window = {
  start: new Date('2024-10-02T11:00:00Z'),
  end: new Date('2024-10-02T12:00:00Z'),
  intervalMinutes: 15 as const,
};
const q = (fn: string): MetricQuery => ({ fn, window });
const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const CHAT = 'getMessageVolumeMetricsForTeamsChat';
const MFA = 'getMetricsForMfaSignInSuccess';
const fast: RetryPolicy = {
  budgetMs: 8_000,
  maxRetries: 3,
  baseDelayMs: 10,
  maxDelayMs: 50,
  attemptReserveMs: 0,
};

describe('graph contract: errors, throttling and isolation against the simulator (real HTTP)', () => {
  let sim: Simulator;
  let client: GraphMetricsClient;

  before(async () => {
    sim = await startSimulator({
      now: () => new Date(NOW),
      tenants: { [SMALL]: { seats: 800, eligible: false } },
      clients: {
        '11111111-2222-4333-8444-555555555555': {
          secret: 'simulator-demo-secret',
          grantedAppRoles: [
            'ServiceActivity-Exchange.Read.All',
            'ServiceActivity-Teams.Read.All',
            'ServiceActivity-OneDrive.Read.All',
            'ServiceActivity-Microsoft365Web.Read.All',
            'Reports.Read.All',
          ],
          grantedScopes: [],
        },
        [EXO_ONLY]: {
          secret: 'exo-only-secret',
          grantedAppRoles: ['ServiceActivity-Exchange.Read.All'],
          grantedScopes: [],
        },
      },
    });
    client = new GraphMetricsClient({ baseUrl: sim.url, tokenProvider: simulatorTokenProvider(sim.url) });
  });
  afterEach(() => sim.faults.clear());
  after(() => sim.close());

  it('403 for a role the app lacks -> MissingPermission naming the catalog permission; granted ones still work', async () => {
    const exoOnly = new GraphMetricsClient({
      baseUrl: sim.url,
      tokenProvider: simulatorTokenProvider(sim.url, EXO_ONLY, 'exo-only-secret'),
    });
    const [mail, mfa] = await exoOnly.getMany(A, [q(MAIL), q(MFA)]);
    assert.ok(mail.ok);
    assert.equal(mfa.ok, false);
    const e = (mfa as { error: MetricsApiError }).error as MissingPermissionError;
    assert.equal(e.kind, 'MissingPermission');
    assert.equal(e.status, 403);
    assert.equal(e.permission, 'Reports.Read.All');
    assert.deepEqual(e.roles, metricByFn(MFA)?.roles);
    assert.match(e.requestId ?? '', /\S/);
    assert.match(e.message, /missing the Microsoft Graph permission Reports\.Read\.All/);
  });

  it('403 for a tenant below the eligibility bar -> NotAvailable', async () => {
    await assert.rejects(
      client.getSeries(SMALL, q(MAIL)),
      (e: MetricsApiError) => e.kind === 'NotAvailable' && e.tenantId === SMALL && /5,000/.test(e.message),
    );
  });

  it('401 for a bad token -> SignInRequired', async () => {
    const bad = new GraphMetricsClient({ baseUrl: sim.url, tokenProvider: async () => 'not-a-jwt' });
    await assert.rejects(bad.getSeries(A, q(MAIL)), {
      name: 'SignInRequiredError',
      message: /\(401 InvalidAuthenticationToken\)/,
    });
  });

  it('400 for a start Graph refuses (validation bypassed) -> InvalidRequest with the simulator message', async () => {
    const old = {
      start: new Date('2024-08-01T00:00:00Z'),
      end: new Date('2024-08-01T01:00:00Z'),
      intervalMinutes: 15 as const,
    };
    await assert.rejects(client.getSeries(A, { fn: MAIL, window: old }), {
      name: 'InvalidRequestError',
      message: /\(400 BadRequest\): .*more than 30 days in the past/,
    });
  });

  it('503 once, then recovers within the chat budget', async () => {
    sim.faults.set({ errorRate: 1, errorStatus: 503, remaining: 1 });
    const s = await client.getSeries(A, q(CHAT), { policy: fast });
    assert.equal(s.points.length, 4);
  });

  it('a 429 storm on one function: that item ends Throttled (Retry-After beyond budget), the others succeed', async () => {
    sim.faults.set({ throttleRate: 1, retryAfterSeconds: 30, functions: [CHAT] });
    const results = await client.getMany(A, [q(MAIL), q(CHAT), q(MFA)], { policy: fast });
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, false, true],
    );
    const e = (results[1] as { error: MetricsApiError }).error as ThrottledError;
    assert.equal(e.kind, 'Throttled');
    assert.equal(e.source, 'graph');
    assert.ok(e.retryAfter.getTime() - Date.now() > 25_000);
  });

  it('a per-item 429 with a short Retry-After is re-batched and succeeds', async () => {
    sim.faults.set({ throttleRate: 1, retryAfterSeconds: 1, functions: [CHAT], remaining: 1 });
    const before = sim.counters;
    const t0 = Date.now();
    const results = await client.getMany(A, [q(MAIL), q(CHAT)], { policy: fast });
    assert.ok(results.every((r) => r.ok));
    assert.ok(Date.now() - t0 >= 1_000, 'waited the Retry-After');
    assert.equal(sim.counters.batches - before.batches, 2);
  });

  it('a malformed 200 body -> MalformedResponse for that item only', async () => {
    sim.faults.set({ malformedRate: 1, functions: [MFA] });
    const results = await client.getMany(A, [q(MAIL), q(MFA)]);
    assert.equal(results[0].ok, true);
    assert.equal(!results[1].ok && results[1].error.kind, 'MalformedResponse');
  });

  it('an empty series from Graph gives gaps, never zeros', async () => {
    sim.faults.set({ emptySeries: true, functions: [MAIL] });
    const s = await client.getSeries(A, q(MAIL));
    assert.deepEqual(s.points, []);
    assert.equal(s.gaps.length, 4);
  });

  it('batch answers in reverse order are matched by id', async () => {
    sim.faults.set({ shuffleBatch: true });
    const fns = [MAIL, CHAT, MFA, 'getConnectivityMetricsForExchange'];
    const results = await client.getMany(A, fns.map(q));
    assert.deepEqual(
      results.map((r) => r.ok && r.series.fn),
      fns,
    );
  });

  it('tenant isolation: each tenant gets its own token and its own data', async () => {
    const [a, b] = await Promise.all([client.getSeries(A, q(MAIL)), client.getSeries(B, q(MAIL))]);
    assert.notDeepEqual(a.points, b.points);
    const log = sim.requestLog.filter((e) => e.kind === 'graph').slice(-2);
    assert.deepEqual(log.map((e) => e.tenant).sort(), [A, B].sort());
  });

  it('our budget stops at 100 sends per tenant + function, before Graph would throttle', async () => {
    const budget = new RequestBudget();
    const c = new GraphMetricsClient({
      baseUrl: sim.url,
      tokenProvider: simulatorTokenProvider(sim.url),
      budget,
    });
    const fn = 'getActiveUserMetricsForVisioWeb';
    for (let i = 0; i < 100; i++) await c.getSeries(B, q(fn));
    const throttledBefore = sim.counters.throttled;
    await assert.rejects(
      c.getSeries(B, q(fn)),
      (e: MetricsApiError) => e.kind === 'Throttled' && (e as ThrottledError).source === 'budget',
    );
    assert.equal(sim.counters.throttled, throttledBefore);
    assert.equal(sim.requestLog.filter((e) => e.fn === fn && e.tenant === B).length, 100);
  });
});
