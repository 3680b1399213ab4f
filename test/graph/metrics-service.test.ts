import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import type { ThrottledError } from '../../src/graph/errors';
import { createMetricsService, type MetricStatus } from '../../src/graph/metrics-service';
import { WEEK_MS } from '../../src/domain/time';
import { startSimulator, type Simulator } from '../../src/simulator';
import { simulatorTokenProvider, type CountingTokenProvider } from './helpers/sim-token';

const MIN = 60_000;
const START = Date.parse('2024-10-02T12:07:30Z');
const A = 'c0ffee00-0000-4000-8000-00000000000a';
const B = 'c0ffee00-0000-4000-8000-00000000000b';
const MAIL = 'getMessageVolumeMetricsForEmailDelivery';

type Ok = Extract<MetricStatus, { ok: true }>;

describe('graph/metrics-service over the simulator (real HTTP, shared injected clock)', () => {
  let sim: Simulator;
  let now = START;
  let tokens: CountingTokenProvider;

  beforeEach(async () => {
    now = START;
    sim = await startSimulator({ now: () => new Date(now) });
    tokens = simulatorTokenProvider(sim.url);
  });
  afterEach(() => sim.close());

  const service = (budgetLimit?: number) =>
    createMetricsService({ tokenProvider: tokens, baseUrl: sim.url, budgetLimit, now: () => now });
  const graphRequests = () => sim.counters.batches + sim.requestLog.filter((e) => e.kind === 'graph').length;

  it('cold status of all 39 metrics: 2 HTTP requests, latest complete bucket and the same bucket last week', async () => {
    const report = await service().status(A);
    assert.equal(graphRequests(), 2);
    assert.equal(report.latestCompleteBucket, '2024-10-02T11:45:00.000Z');
    assert.equal(report.metrics.length, METRICS.length);
    for (const m of report.metrics) {
      assert.ok(m.ok, m.ok ? '' : m.error.message);
      assert.equal(m.latest?.t, '2024-10-02T11:45:00Z', m.fn);
      assert.equal(m.lastWeek?.t, '2024-09-25T11:45:00Z', m.fn);
      assert.equal(m.stale, undefined);
      if (m.lastWeek!.v !== 0)
        assert.ok(Math.abs(m.changePct! - ((m.latest!.v - m.lastWeek!.v) / m.lastWeek!.v) * 100) < 1e-9);
    }
  });

  it('cold status with prefer less-data: 4 requests of small windows, same answer', async () => {
    const fewer = await service().status(A);
    const before = graphRequests();
    const less = await service().status(A, undefined, { prefer: 'less-data' });
    assert.equal(graphRequests() - before, 4);
    assert.deepEqual(less.metrics, fewer.metrics);
    const items = sim.requestLog.filter((e) => e.kind === 'batch-item' && e.fn === MAIL).slice(1);
    assert.deepEqual(
      items
        .map((e) => /Start\w*=([^,]+),\w+=([^,]+),/.exec(decodeURIComponent(e.path))!.slice(1).join(' '))
        .sort(),
      ['2024-09-25T11:00:00Z 2024-09-25T12:00:00Z', '2024-10-02T11:00:00Z 2024-10-02T12:00:00Z'],
    );
  });

  it('warm status within the bucket: no HTTP request, same answer', async () => {
    const s = service();
    const cold = await s.status(A);
    const before = graphRequests();
    now += 5 * MIN;
    const warm = await s.status(A);
    assert.equal(graphRequests(), before);
    assert.deepEqual(warm.metrics, cold.metrics);
  });

  it('after the bucket boundary only the newest buckets are refetched (late data), still in 2 requests', async () => {
    const s = service();
    const all = METRICS.map((m) => m.fn);
    const first = await s.status(A, all);
    const latestBefore = (first.metrics.find((m) => m.fn === MAIL) as Ok).latest!;
    now = Date.parse('2024-10-02T12:15:00Z');
    const second = await s.status(A, all);
    assert.equal(graphRequests(), 2 + 2);
    const items = sim.requestLog.filter((e) => e.kind === 'batch-item' && e.fn === MAIL);
    assert.equal(items.length, 2);
    // first: one covering window (a week plus the newest buckets); then only the 2 volatile + 1 new bucket
    assert.match(decodeURIComponent(items[0].path), /Start\w*=2024-09-25T11:00:00Z,\w+=2024-10-02T12:00:00Z/);
    assert.match(decodeURIComponent(items[1].path), /Start\w*=2024-10-02T11:30:00Z,\w+=2024-10-02T12:15:00Z/);
    const mail = second.metrics.find((m) => m.fn === MAIL) as Ok;
    assert.equal(mail.latest?.t, '2024-10-02T12:00:00Z');
    assert.equal(mail.lastWeek?.t, '2024-09-25T12:00:00Z', 'served from the week fetched by the first call');
    const refreshed = await s.series(A, MAIL, {
      start: new Date(Date.parse(latestBefore.t)),
      end: new Date(Date.parse(latestBefore.t) + 15 * MIN),
      intervalMinutes: 15,
    });
    assert.equal(graphRequests(), 4, 'served from cache');
    assert.ok(
      refreshed.series.points[0].v > latestBefore.v,
      `late data raised ${latestBefore.v} -> ${refreshed.series.points[0].v}`,
    );
  });

  it('concurrent identical status calls share one flight', async () => {
    const s = service();
    const [x, y] = await Promise.all([s.status(A), s.status(A)]);
    assert.equal(graphRequests(), 2);
    assert.deepEqual(x.metrics, y.metrics);
  });

  it("tenant isolation: tenant B is fetched with its own token, never served from A's cache", async () => {
    const s = service();
    const a = await s.status(A, [MAIL]);
    const b = await s.status(B, [MAIL]);
    assert.equal(graphRequests(), 2);
    assert.equal(tokens.issued(), 2);
    assert.deepEqual(
      sim.requestLog.filter((e) => e.kind === 'batch-item').map((e) => e.tenant),
      [A, A, B, B],
    );
    assert.notEqual((a.metrics[0] as Ok).latest!.v, (b.metrics[0] as Ok).latest!.v);
  });

  it('budget spent with data cached: serves the cache with a "stale since" note and sends nothing', async () => {
    const s = service(1);
    await s.status(A, [MAIL]);
    const fetchedAt = now;
    now = Date.parse('2024-10-02T12:16:00Z');
    const before = graphRequests();
    const report = await s.status(A, [MAIL]);
    assert.equal(graphRequests(), before);
    const m = report.metrics[0] as Ok;
    assert.equal(m.stale?.since, new Date(fetchedAt).toISOString());
    assert.equal(m.stale?.reason, 'Throttled');
    assert.match(
      m.stale!.message,
      /Showing data cached at 2024-10-02 12:07 UTC: the Microsoft Graph request budget for this metric is used up until 2024-10-02 12:17:30 UTC\./,
    );
    assert.equal(m.latest?.t, '2024-10-02T11:45:00Z', 'the cached latest, not a fabricated newer one');
  });

  it('budget spent with nothing cached: Throttled error naming when to retry', async () => {
    const s = service(1);
    await s.series(A, MAIL, {
      start: new Date('2024-10-02T10:00:00Z'),
      end: new Date('2024-10-02T11:00:00Z'),
      intervalMinutes: 15,
    });
    await assert.rejects(
      s.series(A, MAIL, {
        start: new Date('2024-10-01T10:00:00Z'),
        end: new Date('2024-10-01T11:00:00Z'),
        intervalMinutes: 15,
      }),
      (e: ThrottledError) =>
        e.kind === 'Throttled' && e.source === 'budget' && e.retryAfter.getTime() === START + 10 * MIN,
    );
  });

  it('a transient Graph failure after the boundary serves the cache with a note; a 403 is never masked', async () => {
    const s = service();
    await s.status(A, [MAIL, 'getMetricsForMfaSignInSuccess']);
    now = Date.parse('2024-10-02T12:15:00Z');
    sim.faults.set({ errorRate: 1, errorStatus: 504, functions: [MAIL] });
    const report = await s.status(A, [MAIL, 'getMetricsForMfaSignInSuccess', 'getNoSuchMetric'], {
      policy: { budgetMs: 500, maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10, attemptReserveMs: 0 },
    });
    const [mail, mfa, unknown] = report.metrics;
    assert.ok(mail.ok && mail.stale?.reason === 'ServiceError', JSON.stringify(mail));
    assert.match(mail.stale!.message, /service problem/);
    assert.ok(mfa.ok && !mfa.stale);
    assert.ok(!unknown.ok && /not a known/.test(unknown.error.message));
  });

  it('status refuses an interval Graph does not allow, before any request', async () => {
    await assert.rejects(service().status(A, [MAIL], { intervalMinutes: 20 as never }), {
      name: 'WindowError',
      message: /interval must be 5, 10, 15 or 30 minutes; got 20\. Example: 15 minutes\./,
    });
    assert.equal(graphRequests(), 0);
  });

  it('series: validates first (no request), aligns with a note, compares with last week in one request', async () => {
    const s = service();
    await assert.rejects(
      s.series(A, MAIL, {
        start: new Date('2024-10-02T10:00:00Z'),
        end: new Date('2024-10-02T11:00:00Z'),
        intervalMinutes: 20,
      }),
      { name: 'WindowError', message: /interval must be 5, 10, 15 or 30/ },
    );
    assert.equal(graphRequests(), 0);
    const r = await s.series(
      A,
      MAIL,
      { start: new Date('2024-10-02T10:07:00Z'), end: new Date('2024-10-02T11:00:00Z'), intervalMinutes: 30 },
      { compareLastWeek: true },
    );
    assert.equal(graphRequests(), 1);
    assert.match(r.notes.join(' '), /Aligned the window to 30-minute buckets: 2024-10-02 10:00 UTC/);
    assert.deepEqual(
      r.series.points.map((p) => p.t),
      ['2024-10-02T10:00:00Z', '2024-10-02T10:30:00Z'],
    );
    assert.deepEqual(
      r.lastWeek?.points.map((p) => p.t),
      ['2024-09-25T10:00:00Z', '2024-09-25T10:30:00Z'],
    );
    assert.equal(Date.parse(r.series.start) - Date.parse(r.lastWeek!.start), WEEK_MS);
  });

  it('series: last week beyond 30 days is clamped with a note; refuse policy gives a WindowError', async () => {
    const s = service();
    const start = new Date(START - 26 * 24 * 60 * MIN);
    const r = await s.series(
      A,
      MAIL,
      { start, end: new Date(start.getTime() + 24 * 60 * MIN), intervalMinutes: 30 },
      { compareLastWeek: true },
    );
    assert.match(r.notes.join(' '), /No comparison with last week|comparison with last week starts at/);
    await assert.rejects(
      s.series(
        A,
        MAIL,
        { start: new Date(START - 31 * 24 * 60 * MIN), end: new Date(START), intervalMinutes: 30 },
        { startPolicy: 'refuse' },
      ),
      { name: 'WindowError', message: /more than 30 days ago/ },
    );
  });
});
