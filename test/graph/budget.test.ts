import assert from 'node:assert/strict';
import { RequestBudget } from '../../src/graph/budget';

const MIN = 60_000;
const T0 = Date.parse('2024-10-02T12:00:00Z');

function budgetAt(start = T0) {
  let now = start;
  const budget = new RequestBudget({ now: () => now });
  return { budget, set: (ms: number) => (now = ms) };
}

describe('graph/budget (100 per 10 minutes per tenant + function, sliding)', () => {
  it('allows 100 sends, refuses the 101st until the first ones leave the window', () => {
    const { budget, set } = budgetAt();
    for (let i = 0; i < 100; i++) assert.equal(budget.tryAcquire('A', 'fnX').ok, true);
    assert.equal(budget.remaining('A', 'fnX'), 0);
    set(T0 + 5 * MIN);
    assert.deepEqual(budget.tryAcquire('A', 'fnX'), { ok: false, retryAt: T0 + 10 * MIN, remaining: 0 });
    set(T0 + 10 * MIN - 1);
    assert.equal(budget.tryAcquire('A', 'fnX').ok, false);
    set(T0 + 10 * MIN);
    assert.deepEqual(budget.tryAcquire('A', 'fnX'), { ok: true, remaining: 99 });
  });

  it('keeps tenants and functions apart', () => {
    const { budget } = budgetAt();
    for (let i = 0; i < 100; i++) budget.tryAcquire('A', 'fnX');
    assert.equal(budget.tryAcquire('A', 'fnX').ok, false);
    assert.equal(budget.tryAcquire('A', 'fnY').ok, true);
    assert.equal(budget.tryAcquire('B', 'fnX').ok, true);
    assert.equal(budget.remaining('B', 'fnX'), 99);
  });

  it('slides: 40 at 12:00 and 60 at 12:06 free 40 at 12:10 and the rest at 12:16', () => {
    const { budget, set } = budgetAt();
    assert.equal(budget.tryAcquire('A', 'f', 40).ok, true);
    set(T0 + 6 * MIN);
    assert.equal(budget.tryAcquire('A', 'f', 60).ok, true);
    set(T0 + 9 * MIN);
    assert.deepEqual(budget.check('A', 'f'), { ok: false, retryAt: T0 + 10 * MIN, remaining: 0 });
    set(T0 + 10 * MIN);
    assert.equal(budget.remaining('A', 'f'), 40);
    assert.deepEqual(budget.check('A', 'f', 41), { ok: false, retryAt: T0 + 16 * MIN, remaining: 0 });
    set(T0 + 16 * MIN);
    assert.equal(budget.remaining('A', 'f'), 100);
  });

  it('refuses a multi-send as a whole and records nothing', () => {
    const { budget } = budgetAt();
    budget.tryAcquire('A', 'f', 98);
    assert.equal(budget.tryAcquire('A', 'f', 3).ok, false);
    assert.equal(budget.remaining('A', 'f'), 2);
    assert.equal(budget.check('A', 'f', 101).ok, false);
  });

  it('check() never records', () => {
    const { budget } = budgetAt();
    for (let i = 0; i < 500; i++) budget.check('A', 'f');
    assert.equal(budget.remaining('A', 'f'), 100);
  });

  it('honours a custom limit and window', () => {
    let now = T0;
    const budget = new RequestBudget({ limit: 2, windowMs: 1_000, now: () => now });
    budget.tryAcquire('A', 'f');
    now += 500;
    budget.tryAcquire('A', 'f');
    assert.deepEqual(budget.tryAcquire('A', 'f'), { ok: false, retryAt: T0 + 1_000, remaining: 0 });
    assert.throws(() => new RequestBudget({ limit: 0 }), /limit >= 1/);
  });

  describe('lanes (monitorReserve 25, probeLimit 15): the worked examples', () => {
    const lanes = () => {
      let now = T0;
      const budget = new RequestBudget({ now: () => now, monitorReserve: 25, probeLimit: 15 });
      return { budget, set: (ms: number) => (now = ms) };
    };

    it('15 probes fill the probe lane; users still have room', () => {
      const { budget } = lanes();
      for (let i = 0; i < 15; i++) assert.equal(budget.tryAcquire('A', 'f', 1, 'probe').ok, true);
      assert.deepEqual(budget.tryAcquire('A', 'f', 1, 'probe'), {
        ok: false,
        retryAt: T0 + 10 * MIN,
        remaining: 0,
      });
      assert.equal(budget.tryAcquire('A', 'f', 1, 'user').ok, true);
    });

    it('users and probes together stop at 75; the monitor keeps its 25, then may not exceed 100', () => {
      const { budget, set } = lanes();
      budget.tryAcquire('A', 'f', 15, 'probe');
      set(T0 + MIN);
      assert.equal(budget.tryAcquire('A', 'f', 60, 'user').ok, true);
      assert.equal(budget.tryAcquire('A', 'f', 1, 'user').ok, false);
      assert.equal(budget.tryAcquire('A', 'f', 1, 'probe').ok, false);
      set(T0 + 2 * MIN);
      assert.equal(budget.tryAcquire('A', 'f', 25, 'monitor').ok, true);
      assert.deepEqual(budget.tryAcquire('A', 'f', 1, 'monitor'), {
        ok: false,
        retryAt: T0 + 10 * MIN,
        remaining: 0,
      });
    });

    it('the monitor may use all 100 when users are quiet; users then wait', () => {
      const { budget } = lanes();
      assert.equal(budget.tryAcquire('A', 'f', 100, 'monitor').ok, true);
      assert.equal(budget.tryAcquire('A', 'f', 1, 'user').ok, false);
      assert.equal(budget.remaining('A', 'f', 'monitor'), 0);
    });

    it('refuses a reserve that leaves users nothing', () => {
      assert.throws(() => new RequestBudget({ limit: 10, monitorReserve: 10 }), /monitorReserve < limit/);
    });
  });
});
