import assert from 'node:assert/strict';
import { AccessGate } from '../../src/graph/access-gate';
import type { BudgetLane } from '../../src/graph/budget';
import type { GraphMetricsClient } from '../../src/graph/client';
import type { CallOptions, MetricQuery, SeriesResult } from '../../src/graph/client-types';
import {
  InvalidRequestError,
  MissingPermissionError,
  NetworkError,
  NotAvailableError,
  ServiceError,
  SignInRequiredError,
  ThrottledError,
  type MetricsApiError,
} from '../../src/graph/errors';
import type { Caller } from '../../src/graph/metrics-reader';
import { SqliteStore } from '../../src/store/sqlite-store';

const T = 'contoso';
const ctx = { tenantId: T };

/** A Graph client whose probe answers are scripted; counts probes and the budget lane they drew on. */
class ScriptedClient {
  probes = 0;
  lanes: (BudgetLane | undefined)[] = [];
  constructor(public answer: () => SeriesResult) {}
  async getMany(_t: string, qs: MetricQuery[], opts: CallOptions): Promise<SeriesResult[]> {
    this.probes++;
    this.lanes.push(opts.lane);
    try {
      await opts.token?.(T);
    } catch (error) {
      return qs.map(() => ({ ok: false, error: error as MetricsApiError }));
    }
    return qs.map(() => this.answer());
  }
}
const ok = (): SeriesResult => ({ ok: true, series: { fn: 'f', intervalMinutes: 15, points: [] } as never });
const fail = (error: MetricsApiError) => (): SeriesResult => ({ ok: false, error });
const caller = (userId: string, token = async () => 'tok'): Caller => ({ tenantId: T, userId, token });

describe('AccessGate: access is proven by a successful Graph answer, never assumed', () => {
  const T0 = Date.parse('2026-11-27T12:07:00Z');
  let now = T0;
  beforeEach(() => (now = T0));
  const gateOf = (client: ScriptedClient, store = new SqliteStore(':memory:')) =>
    new AccessGate(client as unknown as GraphMetricsClient, store, () => now);

  const proveNothing: [string, MetricsApiError][] = [
    ['404 (not available)', new NotAvailableError('not here', { ...ctx, status: 404 })],
    ['400 (a failed $batch or a validation error)', new InvalidRequestError('bad', { ...ctx, status: 400 })],
    ['401 (sign-in refused)', new SignInRequiredError('no', { ...ctx, status: 401 })],
    ['429 (throttled)', new ThrottledError('slow down', ctx, new Date(T0 + 1000), 'graph')],
    ['a network failure', new NetworkError('reset', ctx)],
    ['500 (service error)', new ServiceError('boom', { ...ctx, status: 500 })],
  ];
  for (const [name, error] of proveNothing) {
    it(`${name} does not allow, and is asked again at the next check`, async () => {
      const client = new ScriptedClient(fail(error));
      const gate = gateOf(client);
      const first = (await gate.check(caller('u1'), ['exchange'])).get('exchange')!;
      assert.equal(first.allowed, false);
      assert.ok(!first.allowed && first.error === error, 'the error is passed on for the caller to explain');
      await gate.check(caller('u1'), ['exchange']);
      assert.equal(client.probes, 2, 'nothing was remembered');
    });
  }

  it('a 403 denies and is remembered 5 minutes on this instance', async () => {
    const client = new ScriptedClient(fail(new MissingPermissionError('no role', ctx, undefined, [])));
    const gate = gateOf(client);
    assert.equal((await gate.check(caller('u1'), ['exchange'])).get('exchange')!.allowed, false);
    now += 4 * 60_000;
    await gate.check(caller('u1'), ['exchange']);
    assert.equal(client.probes, 1);
    now += 2 * 60_000;
    await gate.check(caller('u1'), ['exchange']);
    assert.equal(client.probes, 2);
  });

  it('a success proves access for at most 5 minutes, per user', async () => {
    const client = new ScriptedClient(ok);
    const gate = gateOf(client);
    assert.equal((await gate.check(caller('admin'), ['teams'])).get('teams')!.allowed, true);
    now += 4 * 60_000 + 59_000;
    await gate.check(caller('admin'), ['teams']);
    assert.equal(client.probes, 1, 'within 5 minutes: no probe');
    await gate.check(caller('someone-else'), ['teams']);
    assert.equal(client.probes, 2, 'another user proves their own access');
    now += 2_000;
    await gate.check(caller('admin'), ['teams']);
    assert.equal(client.probes, 3, 'after 5 minutes: probed again');
  });

  it('sign-out on one instance drops the proof on every instance sharing the store', async () => {
    const store = new SqliteStore(':memory:');
    const a = gateOf(new ScriptedClient(ok), store);
    const bClient = new ScriptedClient(ok);
    const b = gateOf(bClient, store);
    assert.equal((await b.check(caller('admin'), ['exchange'])).get('exchange')!.allowed, true);
    await a.forget(T, 'admin');
    const signedOut = caller('admin', () => Promise.reject(new SignInRequiredError('signed out', ctx)));
    bClient.answer = fail(new SignInRequiredError('no token', ctx));
    const after = (await b.check(signedOut, ['exchange'])).get('exchange')!;
    assert.equal(after.allowed, false, 'instance B no longer serves the signed-out user');
    assert.equal(bClient.probes, 2, 'B asked Graph again instead of trusting its memory');
  });

  it('probes are rate-limited per user: 6 in 10 minutes, then refused without a Graph call', async () => {
    const client = new ScriptedClient(fail(new NetworkError('reset', ctx)));
    const gate = gateOf(client);
    for (let i = 0; i < 10; i++) await gate.check(caller('looping'), ['exchange']);
    assert.equal(client.probes, 6);
    const refused = (await gate.check(caller('looping'), ['exchange'])).get('exchange')!;
    assert.ok(!refused.allowed && refused.error.kind === 'Throttled');
    await gate.check(caller('other'), ['exchange']);
    assert.equal(client.probes, 7, 'other users are not affected');
    now += 10 * 60_000;
    await gate.check(caller('looping'), ['exchange']);
    assert.equal(client.probes, 8, 'the window slides');
  });

  it('users with no proof probe on the probe lane; a user who proved access within the day on the user lane', async () => {
    const client = new ScriptedClient(ok);
    const gate = gateOf(client);
    await gate.check(caller('admin'), ['exchange']);
    now += 6 * 60_000;
    await gate.check(caller('admin'), ['exchange']);
    assert.deepEqual(client.lanes, ['probe', 'user']);
  });
});
