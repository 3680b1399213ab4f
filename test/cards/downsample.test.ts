import assert from 'node:assert/strict';
import { bucketMeans, downsample, pickIndices } from '../../src/cards/downsample';
import { noise } from './synthetic';

const series = (n: number, f: (i: number) => number | undefined) => Array.from({ length: n }, (_, i) => f(i));

describe('cards/downsample', () => {
  it('keeps short series whole', () => {
    assert.deepEqual(pickIndices([[1, 2, 3]], 100), [0, 1, 2]);
    assert.deepEqual(pickIndices([[]], 100), []);
    assert.deepEqual(
      downsample([5, 6], 100, (v) => v),
      [5, 6],
    );
  });

  const cases: [string, number, number][] = [
    ['6 hours at 5 min', 72, 100],
    ['1 day at 5 min', 288, 100],
    ['7 days at 15 min', 672, 100],
    ['30 days at 5 min', 8640, 100],
    ['odd limit', 1001, 37],
  ];
  for (const [name, n, max] of cases) {
    it(`${name}: at most ${max} points, ordered, first and last, global extremes, every group's extremes`, () => {
      const values = series(n, (i) => 1000 + 500 * Math.sin(i / 50) + 300 * noise(i));
      values[Math.floor(n / 3)] = -99; // a dip
      values[Math.floor((2 * n) / 3)] = 99_999; // a spike
      const kept = pickIndices([values], max);
      assert.ok(kept.length <= max, `${kept.length} > ${max}`);
      assert.deepEqual(
        kept,
        [...kept].sort((a, b) => a - b),
      );
      assert.equal(new Set(kept).size, kept.length);
      assert.equal(kept[0], 0);
      assert.equal(kept.at(-1), n - 1);
      const picked = kept.map((i) => values[i] as number);
      assert.equal(Math.min(...picked), -99);
      assert.equal(Math.max(...picked), 99_999);
      if (n > max) {
        const groups = Math.floor((max - 2) / 2);
        for (let g = 0; g < groups; g++) {
          const from = 1 + Math.floor((g * (n - 2)) / groups);
          const to = 1 + Math.floor(((g + 1) * (n - 2)) / groups);
          const slice = values.slice(from, to) as number[];
          const inGroup = kept.filter((i) => i >= from && i < to).map((i) => values[i]);
          assert.ok(inGroup.includes(Math.min(...slice)), `group ${g} lost its minimum`);
          assert.ok(inGroup.includes(Math.max(...slice)), `group ${g} lost its maximum`);
        }
      }
    });
  }

  it('keeps the extremes of every column on shared indices, skipping gaps', () => {
    const a = series(8640, (i) => (i % 97 === 0 ? undefined : 100 + noise(i)));
    const b = series(8640, (i) => (i < 2000 ? undefined : 200 + noise(i + 7)));
    a[4321] = 0;
    b[7777] = 1e6;
    const kept = pickIndices([a, b], 100);
    assert.ok(kept.length <= 100);
    assert.ok(kept.includes(4321));
    assert.ok(kept.includes(7777));
  });

  it('refuses a limit too small to hold anything', () => {
    assert.throws(
      () => pickIndices([series(500, () => 1), series(500, () => 2)], 5),
      /too small for 2 series/,
    );
  });

  it('averages a column into slots, leaving empty slots as gaps', () => {
    assert.deepEqual(bucketMeans([1, 3, 5, 7], 2), [2, 6]);
    assert.deepEqual(bucketMeans([1, undefined, undefined, undefined, 5, 7], 3), [1, undefined, 6]);
    assert.deepEqual(bucketMeans([1, 2], 5), [1, 2]);
  });
});
