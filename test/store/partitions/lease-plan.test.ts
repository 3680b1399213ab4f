import assert from 'node:assert/strict';
import { fairShare, liveInstances, planLeases } from '../../../src/store/partitions/lease-plan';

/** A seeded generator, so the simulation is the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('lease plan', () => {
  it('computes the fair share as ceil(K / live)', () => {
    const cases: [number, number, number][] = [
      [32, 1, 32],
      [32, 2, 16],
      [32, 3, 11],
      [32, 5, 7],
      [32, 40, 1],
      [32, 0, 32],
    ];
    for (const [k, live, share] of cases) assert.equal(fairShare(k, live), share, `${k}/${live}`);
  });

  it('releases the highest partitions above the share and acquires only free ones below it', () => {
    const above = planLeases({
      partitions: 32,
      liveInstances: 3,
      owned: new Set([...Array(14).keys()]),
      free: [20],
    });
    assert.deepEqual(above, { target: 11, release: [11, 12, 13], want: 0, candidates: [] });
    const below = planLeases({ partitions: 32, liveInstances: 3, owned: new Set([0, 1]), free: [1, 5, 9] });
    assert.equal(below.want, 9);
    assert.deepEqual(
      [...below.candidates].sort((a, b) => a - b),
      [5, 9],
    );
    const at = planLeases({
      partitions: 32,
      liveInstances: 2,
      owned: new Set([...Array(16).keys()]),
      free: [20],
    });
    assert.deepEqual(at, { target: 16, release: [], want: 0, candidates: [] });
  });

  it('counts fresh heartbeats and always itself', () => {
    const beats = new Map([
      ['me', 100_000],
      ['fresh', 95_000],
      ['edge', 90_001],
      ['stale', 90_000],
    ]);
    assert.equal(liveInstances(beats, 'me', 100_000, 10_000), 3);
    assert.equal(liveInstances(new Map(), 'me', 0, 10_000), 1);
    assert.equal(liveInstances(new Map([['me', 0]]), 'me', 1e9, 10_000), 1);
  });

  it('settles 3 instances at 10 or 11 of 32 partitions, from a greedy start, within two rounds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seeded(seed);
      const owned = [new Set<number>(), new Set<number>(), new Set<number>()];
      const free = () => [...Array(32).keys()].filter((p) => owned.every((o) => !o.has(p)));
      const round = (live: number, order: number[]) => {
        for (const i of order) {
          const plan = planLeases(
            { partitions: 32, liveInstances: live, owned: owned[i], free: free() },
            random,
          );
          plan.release.forEach((p) => owned[i].delete(p));
          plan.candidates.slice(0, plan.want).forEach((p) => owned[i].add(p));
        }
      };
      round(1, [0, 1, 2]); // each thinks it is alone: the first grabs everything
      const order = [2, 1, 0];
      round(3, order); // releases happen after the starved ones looked
      round(3, order);
      const sizes = owned.map((o) => o.size);
      assert.ok(
        sizes.every((n) => n === 10 || n === 11),
        `seed ${seed}: ${sizes}`,
      );
      assert.equal(new Set(owned.flatMap((o) => [...o])).size, 32);
    }
  });
});
