import assert from 'node:assert/strict';
import sinon from 'sinon';
import { retryAfterMs } from '../../src/graph/retry-after';
import {
  backoffDelay,
  CHAT_RETRY_POLICY,
  decideRetry,
  isRetryableStatus,
  REAL_RETRY_DEPS,
  runWithRetry,
  type AttemptOutcome,
  type RetryPolicy,
} from '../../src/graph/retry';

const T0 = Date.parse('2024-10-02T12:00:00Z');
const policy: RetryPolicy = {
  budgetMs: 8_000,
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  attemptReserveMs: 1_000,
};

describe('graph/retry', () => {
  describe('Retry-After parsing', () => {
    const cases: Array<[string | null | undefined, number | undefined]> = [
      ['10', 10_000],
      ['2.128', 2_128],
      ['0', 0],
      [' 7 ', 7_000],
      ['Wed, 02 Oct 2024 12:00:30 GMT', 30_000],
      ['Wed, 02 Oct 2024 11:59:00 GMT', 0],
      ['soon', undefined],
      ['-5', undefined],
      ['', undefined],
      [null, undefined],
      [undefined, undefined],
    ];
    for (const [header, want] of cases) {
      it(`${JSON.stringify(header)} -> ${String(want)}`, () => assert.equal(retryAfterMs(header, T0), want));
    }
  });

  it('retries exactly 429, 503 and 504', () => {
    assert.deepEqual(
      [400, 401, 403, 404, 424, 429, 500, 502, 503, 504].filter(isRetryableStatus),
      [429, 503, 504],
    );
  });

  describe('full-jitter backoff', () => {
    it('stays within [0, min(max, base * 2^(n-1))) for every retry', () => {
      const caps = [500, 1_000, 2_000, 4_000, 4_000, 4_000];
      caps.forEach((cap, i) => {
        assert.equal(
          backoffDelay(i + 1, policy, () => 0),
          0,
        );
        assert.equal(
          backoffDelay(i + 1, policy, () => 0.999999),
          cap - 1,
        );
        for (let k = 0; k < 200; k++) {
          const d = backoffDelay(i + 1, policy);
          assert.ok(d >= 0 && d < cap, `retry ${i + 1}: ${d} not in [0, ${cap})`);
        }
      });
    });

    it('spreads retries (not all clients wake at once)', () => {
      const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy)));
      assert.ok(seen.size > 10);
    });
  });

  describe('decideRetry', () => {
    it('honours Retry-After as given, even above maxDelayMs, when the budget allows', () => {
      const big = { ...policy, budgetMs: 60_000 };
      assert.deepEqual(decideRetry({ retry: 1, elapsedMs: 0, retryAfterMs: 10_000 }, big), {
        retry: true,
        delayMs: 10_000,
      });
    });
    it('gives up when the wait plus the reserve would pass the budget', () => {
      assert.deepEqual(decideRetry({ retry: 1, elapsedMs: 0, retryAfterMs: 7_001 }, policy), {
        retry: false,
        reason: 'budget',
        delayMs: 7_001,
      });
      assert.equal(decideRetry({ retry: 1, elapsedMs: 0, retryAfterMs: 7_000 }, policy).retry, true);
      assert.equal(decideRetry({ retry: 2, elapsedMs: 6_500, retryAfterMs: 600 }, policy).retry, false);
    });
    it('gives up after maxRetries', () => {
      const d = decideRetry({ retry: 4, elapsedMs: 0, retryAfterMs: 1 }, policy);
      assert.deepEqual(d, { retry: false, reason: 'attempts', delayMs: 1 });
    });
  });

  describe('runWithRetry (fake timers)', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: T0 });
    });
    afterEach(() => clock.restore());

    /** An op that answers from a script of responses and records when each attempt ran. */
    function scripted(responses: Array<{ status: number; retryAfter?: string }>) {
      const calls: number[] = [];
      const op = async (): Promise<AttemptOutcome<string, string>> => {
        calls.push(Date.now() - T0);
        const r = responses[Math.min(calls.length - 1, responses.length - 1)];
        if (r.status === 200) return { ok: true, value: 'data' };
        return {
          ok: false,
          error: `status ${r.status}`,
          retryable: isRetryableStatus(r.status),
          retryAfterMs: retryAfterMs(r.retryAfter, Date.now()),
        };
      };
      return { op, calls };
    }

    it('waits Retry-After seconds, then succeeds', async () => {
      const { op, calls } = scripted([{ status: 429, retryAfter: '2' }, { status: 200 }]);
      const p = runWithRetry(op, policy, REAL_RETRY_DEPS);
      await clock.tickAsync(1_999);
      assert.deepEqual(calls, [0]);
      await clock.tickAsync(1);
      assert.deepEqual(await p, { ok: true, value: 'data' });
      assert.deepEqual(calls, [0, 2_000]);
    });

    it('waits until a Retry-After HTTP date', async () => {
      const { op, calls } = scripted([
        { status: 503, retryAfter: new Date(T0 + 3_000).toUTCString() },
        { status: 200 },
      ]);
      const p = runWithRetry(op, policy, REAL_RETRY_DEPS);
      await clock.tickAsync(3_000);
      assert.equal((await p).ok, true);
      assert.deepEqual(calls, [0, 3_000]);
    });

    it('backs off with jitter when there is no Retry-After', async () => {
      const { op, calls } = scripted([{ status: 504 }, { status: 503 }, { status: 429 }, { status: 200 }]);
      const p = runWithRetry(op, policy, { ...REAL_RETRY_DEPS, random: () => 0.5 });
      await clock.tickAsync(10_000);
      assert.equal((await p).ok, true);
      // caps 500, 1000, 2000 at random 0.5 -> waits 250, 500, 1000
      assert.deepEqual(calls, [0, 250, 750, 1_750]);
    });

    it('stops at once when Retry-After would overrun the budget, returning the 429', async () => {
      const { op, calls } = scripted([{ status: 429, retryAfter: '10' }, { status: 200 }]);
      const p = runWithRetry(op, CHAT_RETRY_POLICY, REAL_RETRY_DEPS);
      const out = await p;
      assert.deepEqual(out, { ok: false, error: 'status 429', retryable: true, retryAfterMs: 10_000 });
      assert.deepEqual(calls, [0]);
      assert.equal(Date.now(), T0, 'no time was spent waiting');
    });

    it('spends at most the budget across several throttled attempts', async () => {
      const { op, calls } = scripted([{ status: 429, retryAfter: '3' }]);
      let doneAt = 0;
      const p = runWithRetry(op, policy, REAL_RETRY_DEPS).finally(() => (doneAt = Date.now()));
      await clock.tickAsync(20_000);
      assert.equal((await p).ok, false);
      // a wait after the third attempt would end at 9 s (+1 s reserve) > 8 s, so it is not started
      assert.deepEqual(calls, [0, 3_000, 6_000]);
      assert.equal(doneAt - T0, 6_000);
    });

    it('does not retry a non-retryable failure', async () => {
      const { op, calls } = scripted([{ status: 403 }, { status: 200 }]);
      const out = await runWithRetry(op, policy, REAL_RETRY_DEPS);
      assert.equal(out.ok, false);
      assert.deepEqual(calls, [0]);
    });

    it('stops after maxRetries', async () => {
      const { op, calls } = scripted([{ status: 503, retryAfter: '0' }]);
      const p = runWithRetry(op, policy, REAL_RETRY_DEPS);
      await clock.tickAsync(100);
      assert.equal((await p).ok, false);
      assert.equal(calls.length, 1 + policy.maxRetries);
    });
  });
});
