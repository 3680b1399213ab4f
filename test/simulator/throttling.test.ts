import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator';
import { SlidingWindowLimiter } from '../../src/simulator/throttle';
import { appToken, fnUrl, get, startTestSim, T0 } from './helpers';

const HOUR = 3600_000;
const H8 = Date.parse('2026-11-25T08:00:00Z');

describe('simulator: throttling (100 requests / 10 min / app / tenant / function)', () => {
  let sim: Simulator;
  let clock: { ms: number };
  before(async () => {
    ({ sim, clock } = await startTestSim());
  });
  after(() => sim.close());

  it('answers the 101st request with 429, Retry-After and the documented body; other functions are unaffected', async () => {
    const token = appToken(sim);
    const url = fnUrl(sim, 'getUsageMetricsForTeamsByLaunch', H8, H8 + HOUR, 30);
    for (let i = 0; i < 100; i++) {
      clock.ms = T0 + i * 1000; // one per second from 10:07:30
      assert.equal((await get(url, token)).status, 200, `request ${i + 1}`);
    }
    clock.ms = T0 + 150_000;
    const res = await get(url, token);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '450'); // first request leaves the window at T0 + 600 s
    const error = res.body.error;
    assert.ok(error && typeof error === 'object');
    assert.equal(error.code, 'TooManyRequests');
    assert.equal(error.message, 'Please retry again later.');
    assert.equal(error.innerError?.status, '429');
    assert.equal(
      (await get(fnUrl(sim, 'getMessageVolumeMetricsForTeamsChat', H8, H8 + HOUR, 30), token)).status,
      200,
    );
    assert.equal((await get(url, appToken(sim, undefined, 'other-tenant'))).status, 200);
    assert.equal(sim.counters.throttled, 1);
    clock.ms = T0 + 600_000;
    assert.equal(
      (await get(url, token)).status,
      200,
      'a slot frees when the first request leaves the window',
    );
    assert.equal((await get(url, token)).status, 429, 'but only one');
  });
});

describe('SlidingWindowLimiter', () => {
  it('follows the documented worked example', () => {
    const limiter = new SlidingWindowLimiter(100, 600_000);
    const t0 = Date.parse('2026-01-01T09:00:00Z');
    for (let i = 0; i < 100; i++) assert.deepEqual(limiter.take('k', t0 + i * 2400), { allowed: true });
    assert.deepEqual(limiter.take('k', t0 + 300_000), { allowed: false, retryAfterSeconds: 300 });
    assert.deepEqual(limiter.take('k', t0 + 600_000), { allowed: true });
    assert.deepEqual(limiter.take('other', t0 + 300_000), { allowed: true });
  });
});
