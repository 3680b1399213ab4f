import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator';
import { decideFault } from '../../src/simulator/faults';
import { appToken, fnUrl, get, postJson, startTestSim } from './helpers';

const HOUR = 3600_000;
const H8 = Date.parse('2026-11-25T08:00:00Z');
const FN = 'getUsageMetricsForTeamsByLaunch';

describe('simulator: fault injection', () => {
  let sim: Simulator;
  let token: string;
  beforeEach(async () => {
    ({ sim } = await startTestSim());
    token = appToken(sim);
  });
  afterEach(() => sim.close());

  const call = (fn = FN) => get(fnUrl(sim, fn, H8, H8 + HOUR, 15), token);

  it('injects 503 with Retry-After, then recovers after `remaining` calls', async () => {
    sim.faults.set({ errorRate: 1, errorStatus: 503, retryAfterSeconds: 3, remaining: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call();
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '3');
      assert.equal((res.body.error as { code: string }).code, 'serviceNotAvailable');
    }
    assert.equal((await call()).status, 200);
    assert.deepEqual(sim.faults.get(), {});
    assert.equal(sim.counters.faultsInjected, 2);
  });

  it('injects 500 without Retry-After', async () => {
    sim.faults.set({ errorRate: 1, errorStatus: 500 });
    const res = await call();
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('retry-after'), null);
  });

  it('injects a 429 storm with Retry-After and the throttling body', async () => {
    sim.faults.set({ throttleRate: 1, retryAfterSeconds: 7 });
    const res = await call();
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.equal((res.body.error as { code: string }).code, 'TooManyRequests');
  });

  it('injects malformed JSON bodies and empty series', async () => {
    sim.faults.set({ malformedRate: 1 });
    const bad = await call();
    assert.equal(bad.status, 200);
    assert.throws(() => JSON.parse(bad.text), SyntaxError);
    sim.faults.set({ emptySeries: true });
    const empty = await call();
    assert.deepEqual(empty.body.value, []);
  });

  it('limits faults to chosen functions and adds latency', async () => {
    sim.faults.set({ errorRate: 1, functions: ['getMessageVolumeMetricsForTeamsChat'], latencyMs: 120 });
    const t0 = Date.now();
    assert.equal((await call()).status, 200);
    assert.ok(Date.now() - t0 >= 110, 'latency applied');
    assert.equal((await call('getMessageVolumeMetricsForTeamsChat')).status, 503);
  });

  it('is settable over HTTP and applies to batch items one by one', async () => {
    const set = await postJson(`${sim.url}/_sim/faults`, { errorRate: 1, remaining: 1 });
    assert.equal(set.status, 200);
    const url = `/reports/serviceActivity/${fnUrl(sim, FN, H8, H8 + HOUR, 15).split('/serviceActivity/')[1]}`;
    const res = await postJson(
      `${sim.url}/beta/$batch`,
      {
        requests: [
          { id: '1', method: 'GET', url },
          { id: '2', method: 'GET', url },
        ],
      },
      token,
    );
    assert.deepEqual(
      res.body.responses?.map((r) => r.status),
      [503, 200],
    );
    const invalid = await postJson(`${sim.url}/_sim/faults`, { errorRate: 3 });
    assert.equal(invalid.status, 400);
    assert.match(String(invalid.body.error), /errorRate/);
    assert.equal((await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' })).status, 200);
  });

  it('draws rates deterministically', () => {
    const s = { errorRate: 0.5 };
    assert.deepEqual(decideFault(s, FN, 't', 0.49), {
      kind: 'error',
      status: 503,
      retryAfterSeconds: undefined,
    });
    assert.deepEqual(decideFault(s, FN, 't', 0.5), { kind: 'none' });
    assert.deepEqual(decideFault({ throttleRate: 0.2, errorRate: 0.2 }, FN, 't', 0.3).kind, 'error');
    assert.deepEqual(decideFault({ errorRate: 1, tenants: ['x'] }, FN, 't', 0).kind, 'none');
  });
});
