import assert from 'node:assert/strict';
import { bucketStarts, isoSeconds } from '../../src/domain/buckets';
import { RequestBudget } from '../../src/graph/budget';
import { METRICS } from '../../src/domain/catalog';
import { GraphMetricsClient, type MetricQuery } from '../../src/graph/client';
import type { MetricsApiError, MissingPermissionError, ThrottledError } from '../../src/graph/errors';
import type { RetryPolicy } from '../../src/graph/retry';
import {
  startFakeGraph,
  valueBody,
  type FakeAnswer,
  type FakeCall,
  type FakeGraph,
} from './helpers/fake-graph';

const START = Date.parse('2024-10-02T10:00:00Z');
const END = Date.parse('2024-10-02T11:00:00Z');
const window = { start: new Date(START), end: new Date(END), intervalMinutes: 15 as const };
const starts = bucketStarts(START, END, 15).map(isoSeconds);
const ok = (v = 1): FakeAnswer => ({ status: 200, body: valueBody(starts, v) });
const fnOf = (call: FakeCall) => /serviceActivity\/(\w+)\(/.exec(call.path)?.[1] ?? '';
const countMetrics = METRICS.filter((m) => m.unit === 'count');
const policy: RetryPolicy = {
  budgetMs: 5_000,
  maxRetries: 3,
  baseDelayMs: 10,
  maxDelayMs: 50,
  attemptReserveMs: 0,
};

/** Fake clock for the retry loop: sleeps are recorded and advance time instantly. */
function fakeDeps() {
  let now = START + 3 * 3_600_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    deps: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0.5,
    },
  };
}

describe('graph/client (real HTTP on loopback)', () => {
  let fake: FakeGraph | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  function client(url: string, extra: Partial<ConstructorParameters<typeof GraphMetricsClient>[0]> = {}) {
    return new GraphMetricsClient({ baseUrl: url, tokenProvider: async (t) => `token-for-${t}`, ...extra });
  }

  it('getSeries sends one GET with the documented URL, the tenant token and a client-request-id', async () => {
    fake = await startFakeGraph(() => ok(7));
    const series = await client(fake.url).getSeries('tenant-a', {
      fn: 'getMessageVolumeMetricsForEmailDelivery',
      window,
    });
    assert.deepEqual(
      series.points.map((p) => p.v),
      [7, 7, 7, 7],
    );
    assert.equal(fake.http.length, 1);
    assert.equal(
      fake.calls[0].path,
      '/reports/serviceActivity/getMessageVolumeMetricsForEmailDelivery(inclusiveIntervalStartDateTime=2024-10-02T10:00:00Z,' +
        'exclusiveIntervalEndDateTime=2024-10-02T11:00:00Z,aggregationIntervalInMinutes=15)',
    );
    assert.equal(fake.calls[0].authorization, 'Bearer token-for-tenant-a');
    assert.match(fake.calls[0].clientRequestId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('splits 39 metrics into 2 concurrent batches (20 + 19) with relative item URLs', async () => {
    fake = await startFakeGraph(
      (call) =>
        METRICS.find((m) => m.fn === fnOf(call))?.unit === 'percent'
          ? {
              status: 200,
              body: { value: starts.map((t) => ({ intervalStartDateTime: t, percentage: 99.5 })) },
            }
          : ok(),
      { delayMs: 50 },
    );
    const c = client(fake.url);
    const results = await c.getMany(
      'tenant-a',
      METRICS.map((m) => ({ fn: m.fn, window })),
    );
    assert.equal(METRICS.length, 39);
    assert.deepEqual(fake.http.map((h) => `${h.method} ${h.path} ${h.items}`).sort(), [
      'POST /$batch 19',
      'POST /$batch 20',
    ]);
    assert.equal(fake.maxConcurrent, 2, 'both batches were in flight together');
    assert.equal(c.stats.httpRequests, 2);
    assert.ok(
      fake.calls.every(
        (call) =>
          call.path.startsWith('/reports/serviceActivity/') &&
          call.authorization === 'Bearer token-for-tenant-a',
      ),
    );
    assert.equal(results.length, 39);
    results.forEach((r, i) => {
      assert.ok(r.ok, `${METRICS[i].fn} failed`);
      assert.equal(r.series.fn, METRICS[i].fn, 'results come back in query order');
      assert.equal(r.series.points.length, 4);
    });
  });

  it('one failing metric never fails the others (403, 400, malformed, 404 in one batch)', async () => {
    const bad: Record<string, FakeAnswer> = {
      [countMetrics[0].fn]: {
        status: 403,
        body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } },
      },
      [countMetrics[1].fn]: {
        status: 400,
        body: { error: { code: 'BadRequest', message: 'Invalid interval.' } },
      },
      [countMetrics[2].fn]: { status: 200, body: '{"value":[{"intervalStart' },
      [countMetrics[3].fn]: { status: 404, body: '' },
    };
    fake = await startFakeGraph((call) => bad[fnOf(call)] ?? ok());
    const queries = countMetrics.slice(0, 8).map((m) => ({ fn: m.fn, window }));
    const results = await client(fake.url).getMany('tenant-a', queries);
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.error.kind)),
      ['MissingPermission', 'InvalidRequest', 'MalformedResponse', 'NotAvailable', 'ok', 'ok', 'ok', 'ok'],
    );
    const denied = results[0] as { ok: false; error: MissingPermissionError };
    assert.equal(denied.error.permission, countMetrics[0].permission);
    assert.equal(denied.error.fn, countMetrics[0].fn);
    assert.equal(denied.error.tenantId, 'tenant-a');
    assert.equal(fake.http.length, 1, 'non-retryable failures are not re-sent');
  });

  it('re-batches per-item 429s after their own Retry-After; others keep their first result', async () => {
    const throttled = new Map([
      [countMetrics[0].fn, '2'],
      [countMetrics[1].fn, '5'],
    ]);
    fake = await startFakeGraph((call) => {
      const ra = throttled.get(fnOf(call));
      if (ra && call.batchSeq === 1)
        return {
          status: 429,
          headers: { 'Retry-After': ra },
          body: { error: { code: 'TooManyRequests', message: 'Please retry again later.' } },
        };
      return ok();
    });
    const { deps, sleeps } = fakeDeps();
    const queries = countMetrics.slice(0, 5).map((m) => ({ fn: m.fn, window }));
    const results = await client(fake.url, { deps }).getMany('tenant-a', queries, {
      policy: { ...policy, budgetMs: 8_000 },
    });
    assert.ok(results.every((r) => r.ok));
    assert.deepEqual(sleeps, [2_000, 3_000], 'each item waited for its own Retry-After');
    assert.deepEqual(
      fake.http.map((h) => h.items),
      [5, 1, 1],
    );
    assert.deepEqual(fake.calls.filter((c) => (c.batchSeq ?? 0) > 1).map(fnOf), [
      countMetrics[0].fn,
      countMetrics[1].fn,
    ]);
  });

  it('gives an item a Throttled error (with retryAfter) when its Retry-After does not fit the budget', async () => {
    fake = await startFakeGraph((call) =>
      fnOf(call) === countMetrics[0].fn
        ? {
            status: 429,
            headers: { 'Retry-After': '30' },
            body: { error: { code: 'TooManyRequests', message: 'later' } },
          }
        : ok(),
    );
    const { deps, sleeps } = fakeDeps();
    const results = await client(fake.url, { deps }).getMany(
      'tenant-a',
      countMetrics.slice(0, 3).map((m) => ({ fn: m.fn, window })),
      { policy },
    );
    assert.deepEqual(sleeps, []);
    assert.equal(results[0].ok, false);
    const e = (results[0] as { error: MetricsApiError }).error as ThrottledError;
    assert.equal(e.kind, 'Throttled');
    assert.equal(e.retryAfter.getTime(), deps.now() + 30_000);
    assert.ok(results[1].ok && results[2].ok);
  });

  it('retries a whole batch answered 503 with Retry-After, then succeeds', async () => {
    let batches = 0;
    fake = await startFakeGraph(() => ok(), {
      batchOverride: () =>
        ++batches === 1
          ? {
              status: 503,
              headers: { 'Retry-After': '1' },
              body: { error: { code: 'serviceNotAvailable', message: 'busy' } },
            }
          : undefined,
    });
    const { deps, sleeps } = fakeDeps();
    const results = await client(fake.url, { deps }).getMany(
      'tenant-a',
      countMetrics.slice(0, 3).map((m) => ({ fn: m.fn, window })),
      { policy },
    );
    assert.ok(results.every((r) => r.ok));
    assert.deepEqual(sleeps, [1_000]);
    assert.equal(fake.http.length, 2);
  });

  it('a malformed batch answer fails every item with MalformedResponse, not a crash', async () => {
    fake = await startFakeGraph(() => ok(), {
      batchOverride: () => ({ status: 200, body: '{"responses": [' }),
    });
    const results = await client(fake.url).getMany(
      'tenant-a',
      countMetrics.slice(0, 2).map((m) => ({ fn: m.fn, window })),
    );
    for (const r of results) {
      assert.equal(r.ok, false);
      assert.match(
        (r as { error: MetricsApiError }).error.message,
        /batch answer Pulse could not read: the body is not JSON/,
      );
    }
  });

  it('getSeries retries 503 then returns; throws typed errors for 401 and 403', async () => {
    let n = 0;
    fake = await startFakeGraph((call) => {
      if (fnOf(call) === countMetrics[0].fn)
        return ++n === 1
          ? { status: 503, body: { error: { code: 'serviceNotAvailable', message: 'x' } } }
          : ok(3);
      if (fnOf(call) === countMetrics[1].fn)
        return {
          status: 401,
          body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' } },
        };
      return {
        status: 403,
        body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } },
      };
    });
    const { deps, sleeps } = fakeDeps();
    const c = client(fake.url, { deps });
    const s = await c.getSeries('t', { fn: countMetrics[0].fn, window }, { policy });
    assert.equal(s.points[0].v, 3);
    assert.deepEqual(sleeps, [5], 'jittered backoff: 0.5 x base 10 ms');
    await assert.rejects(c.getSeries('t', { fn: countMetrics[1].fn, window }, { policy }), {
      name: 'SignInRequiredError',
      message: /did not accept Pulse's sign-in for tenant t \(401 InvalidAuthenticationToken\)/,
    });
    await assert.rejects(c.getSeries('t', { fn: countMetrics[2].fn, window }, { policy }), {
      name: 'MissingPermissionError',
      message: new RegExp(countMetrics[2].permission.replace(/\./g, '\\.')),
    });
  });

  it('a failing token provider gives SignInRequired without sending, and hides the token text', async () => {
    fake = await startFakeGraph(() => ok());
    const c = client(fake.url, {
      tokenProvider: async () => {
        throw new Error('AADSTS65001: consent required; assertion=eyJabcdefghij.eyJabcdefghij.sig');
      },
    });
    await assert.rejects(
      c.getSeries('t', { fn: countMetrics[0].fn, window }),
      (e: MetricsApiError) =>
        e.kind === 'SignInRequired' &&
        /could not get a Microsoft Graph token for tenant t: AADSTS65001/.test(e.message) &&
        !/eyJ/.test(e.message),
    );
    assert.equal(fake.http.length, 0);
  });

  it('times out inside the budget when Graph never answers', async () => {
    fake = await startFakeGraph(() => ({ status: 0 }));
    const t0 = Date.now();
    await assert.rejects(
      client(fake.url).getSeries(
        't',
        { fn: countMetrics[0].fn, window },
        { policy: { ...policy, budgetMs: 300 } },
      ),
      { name: 'TimeoutError', message: /did not answer within 0\.3 s/ },
    );
    assert.ok(Date.now() - t0 < 2_000);
  });

  it('a caller abort stops the call at once with a cancellation message', async () => {
    fake = await startFakeGraph(() => ({ status: 0 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(
      client(fake.url).getSeries('t', { fn: countMetrics[0].fn, window }, { signal: controller.signal }),
      { name: 'TimeoutError', message: /cancelled before Microsoft Graph answered/ },
    );
  });

  it('maps a refused connection to NetworkError after retrying', async () => {
    fake = await startFakeGraph(() => ok());
    const url = fake.url;
    await fake.close();
    fake = undefined;
    const { deps, sleeps } = fakeDeps();
    await assert.rejects(
      client(url, { deps }).getSeries('t', { fn: countMetrics[0].fn, window }, { policy }),
      { name: 'NetworkError', message: /Could not reach Microsoft Graph/ },
    );
    assert.equal(sleeps.length, policy.maxRetries);
  });

  it('never sends past the request budget: the refused item gets a budget Throttled error', async () => {
    fake = await startFakeGraph(() => ok());
    const budget = new RequestBudget({ limit: 1 });
    const c = client(fake.url, { budget });
    const q: MetricQuery = { fn: countMetrics[0].fn, window };
    await c.getSeries('t', q);
    const [again, other] = await c.getMany('t', [q, { fn: countMetrics[1].fn, window }]);
    assert.equal(again.ok, false);
    const e = (again as { error: MetricsApiError }).error as ThrottledError;
    assert.equal(e.source, 'budget');
    assert.match(
      e.message,
      /used its Microsoft Graph request budget .* \(Graph allows 100 requests per 10 minutes per report\); try again after/,
    );
    assert.ok(other.ok);
    assert.equal(fake.calls.filter((call) => fnOf(call) === q.fn).length, 1);
  });

  it('refuses unknown functions without a request', async () => {
    fake = await startFakeGraph(() => ok());
    await assert.rejects(client(fake.url).getSeries('t', { fn: 'getNothingAtAll', window }), {
      name: 'InvalidRequestError',
      message: /getNothingAtAll is not a known/,
    });
    assert.equal(fake.http.length, 0);
  });
});
