import assert from 'node:assert/strict';
import { RequestBudget, type BudgetLane } from '../../src/graph/budget';
import { seeded } from '../security/text-cases';

const MIN = 60_000;
const WINDOW = 10 * MIN;
const T0 = Date.parse('2026-11-25T12:00:00Z');

/** A budget of one of `instances` processes whose tenure of tenant A is `held.since` (undefined: not held). */
function instance(clock: { now: number }, held: { since?: number }, instances = 3) {
  return new RequestBudget({
    now: () => clock.now,
    monitorReserve: 25,
    probeLimit: 15,
    instances,
    heldSince: () => held.since,
  });
}

function take(b: RequestBudget, n: number, lane: BudgetLane): number {
  let sent = 0;
  while (sent < n && b.tryAcquire('A', 'f', 1, lane).ok) sent++;
  return sent;
}

describe('graph/budget shared by several instances (slices and the partition owner)', () => {
  it('gives each of 3 instances 25 units for users, and the settled owner the 25 of the monitor on top', () => {
    const clock = { now: T0 + WINDOW };
    const owner = instance(clock, { since: T0 });
    const other = instance(clock, {});
    assert.deepEqual(owner.capsFor('A'), { all: 50, users: 25, probes: 15 });
    assert.deepEqual(other.capsFor('A'), { all: 25, users: 25, probes: 15 });
    assert.equal(take(owner, 100, 'user'), 25);
    assert.equal(take(owner, 100, 'monitor'), 25);
    assert.equal(take(other, 100, 'user'), 25);
    assert.equal(take(other, 100, 'monitor'), 0);
  });

  it('lets a new owner use only its slice for its first 10 minutes (the old owner’s sends are still counted)', () => {
    const clock = { now: T0 };
    const held = { since: T0 };
    const owner = instance(clock, held);
    assert.equal(take(owner, 100, 'monitor'), 25);
    clock.now = T0 + WINDOW - 1;
    assert.equal(owner.capsFor('A').all, 25);
    clock.now = T0 + WINDOW;
    assert.equal(owner.capsFor('A').all, 50);
  });

  it('drops a process that loses the lease to its slice at once, counting what it sent as owner', () => {
    const clock = { now: T0 + WINDOW };
    const held: { since?: number } = { since: T0 };
    const b = instance(clock, held);
    assert.equal(take(b, 40, 'monitor'), 40);
    held.since = undefined;
    assert.equal(take(b, 1, 'user'), 0, '40 in the window, above the slice of 25');
    assert.deepEqual(b.tryAcquire('A', 'f'), { ok: false, retryAt: T0 + 2 * WINDOW, remaining: 0 });
  });

  it('keeps one process alone as before: the owner may use all 100, users 75, probes 15', () => {
    const clock = { now: T0 };
    const b = instance(clock, { since: T0 }, 1);
    assert.deepEqual(b.capsFor('A'), { all: 100, users: 75, probes: 15 });
    assert.deepEqual(instance(clock, {}, 1).capsFor('A'), { all: 75, users: 75, probes: 15 });
    assert.deepEqual(new RequestBudget().capsFor('A'), { all: 100, users: 100, probes: 100 });
  });

  it('refuses more instances than the users’ units can be split between', () => {
    assert.throws(() => new RequestBudget({ monitorReserve: 25, instances: 76 }), /instances <= limit/);
    assert.throws(() => new RequestBudget({ instances: 0 }), /1 <= instances/);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`never lets 3 instances together exceed 100 in any 10 minutes while the lease moves (seed ${seed})`, () => {
      const rand = seeded(seed);
      const clock = { now: T0 };
      const tenure: { since?: number }[] = [{ since: T0 }, {}, {}];
      const budgets = tenure.map((held) => instance(clock, held));
      const sends: number[] = [];
      let holder: number | undefined = 0;
      for (let step = 0; step < 4_000; step++) {
        clock.now += Math.floor(rand() * 20_000);
        if (rand() < 0.01) {
          // The lease moves: released (or lost), then maybe taken by anyone, the old holder included.
          if (holder !== undefined) tenure[holder].since = undefined;
          holder = rand() < 0.2 ? undefined : Math.floor(rand() * 3);
          if (holder !== undefined) tenure[holder].since = clock.now;
        }
        const who = Math.floor(rand() * 3);
        const lane: BudgetLane = who === holder && rand() < 0.5 ? 'monitor' : rand() < 0.2 ? 'probe' : 'user';
        const n = 1 + Math.floor(rand() * 4);
        if (budgets[who].tryAcquire('A', 'f', n, lane).ok) for (let i = 0; i < n; i++) sends.push(clock.now);
      }
      let most = 0;
      for (let i = 0, j = 0; j < sends.length; j++) {
        while (sends[i] <= sends[j] - WINDOW) i++;
        most = Math.max(most, j - i + 1);
      }
      assert.ok(most <= 100, `${most} sends in 10 minutes`);
      assert.ok(most >= 75, `the instances used their shares (${most} in the busiest 10 minutes)`);
    });
  }
});
