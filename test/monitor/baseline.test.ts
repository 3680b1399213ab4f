import assert from 'node:assert/strict';
import {
  baselineAt,
  describeBaseline,
  indexHistory,
  median,
  seasonalBaseline,
} from '../../src/monitor/baseline';
import { handSeries, MINUTE, WEEK } from './fixtures';

const FN = 'getMessageVolumeMetricsForEmailDelivery';
const MON = Date.parse('2026-11-23T09:00:00Z');

/** Current window of 3 buckets and its history weeks, `weeks[k-1]` holding week k's three values. */
function fixture(weeks: (number | null)[][]) {
  const current = handSeries(FN, MON, [100, 100, 100]);
  const history = weeks.map((values, i) => handSeries(FN, MON - (i + 1) * WEEK, values));
  return { current, history, index: indexHistory(current, history) };
}

describe('seasonal baseline', () => {
  it('takes the median of the same bucket over up to four weeks', () => {
    const table: { weeks: (number | null)[][]; want: number; from: number[] }[] = [
      { weeks: [[10], [20], [30], [1000]], want: 25, from: [1, 2, 3, 4] }, // last-week outlier ignored
      { weeks: [[1000], [20], [30], [40]], want: 35, from: [1, 2, 3, 4] }, // an incident last week does not poison
      { weeks: [[10], [20], [30]], want: 20, from: [1, 2, 3] },
      { weeks: [[10], [30]], want: 20, from: [1, 2] },
      { weeks: [[10]], want: 10, from: [1] }, // falls back to the same bucket last week
      { weeks: [[null], [null], [40]], want: 40, from: [3] }, // gaps are skipped, not zero
    ];
    for (const { weeks, want, from } of table) {
      const { index } = fixture(weeks);
      assert.deepEqual(
        baselineAt(index, MON),
        { kind: 'baseline', value: want, weeks: from },
        JSON.stringify(weeks),
      );
    }
  });

  it('reports too little history instead of guessing', () => {
    assert.deepEqual(baselineAt(fixture([]).index, MON), { kind: 'insufficient-history', weeksAvailable: 0 });
    const gapsHere = fixture([
      [null, 5],
      [null, 6],
    ]);
    assert.deepEqual(baselineAt(gapsHere.index, MON), { kind: 'insufficient-history', weeksAvailable: 2 });
    assert.equal(baselineAt(gapsHere.index, MON + 5 * MINUTE).kind, 'baseline');
  });

  it('matches each bucket with the same bucket of earlier weeks, not a neighbour', () => {
    const { index } = fixture([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.deepEqual(
      [0, 1, 2].map((i) => baselineAt(index, MON + i * 5 * MINUTE)),
      [2.5, 3.5, 4.5].map((value) => ({ kind: 'baseline', value, weeks: [1, 2] })),
    );
  });

  it('ignores history that is not shifted by whole weeks, is too old, or has another interval or function', () => {
    const current = handSeries(FN, MON, [1]);
    const ignored = [
      handSeries(FN, MON - WEEK + 5 * MINUTE, [7]),
      handSeries(FN, MON - 24 * 60 * MINUTE, [7]),
      handSeries(FN, MON - 5 * WEEK, [7]),
      handSeries(FN, MON - WEEK, [7], 15),
      handSeries('getMessageVolumeMetricsForTeamsChat', MON - WEEK, [7]),
    ];
    assert.equal(indexHistory(current, ignored).weeksAvailable, 0);
    const dup = indexHistory(current, [handSeries(FN, MON - WEEK, [7]), handSeries(FN, MON - WEEK, [9])]);
    assert.deepEqual(
      baselineAt(dup, MON),
      { kind: 'baseline', value: 7, weeks: [1] },
      'the first copy of a week wins',
    );
  });

  it('gives every bucket of the window, gaps included, in time order', () => {
    const current = handSeries(FN, MON, [100, null, 100]);
    const rows = seasonalBaseline(current, [handSeries(FN, MON - WEEK, [8, 9, null])]);
    assert.deepEqual(rows, [
      { t: '2026-11-23T09:00:00Z', baseline: { kind: 'baseline', value: 8, weeks: [1] } },
      { t: '2026-11-23T09:05:00Z', baseline: { kind: 'baseline', value: 9, weeks: [1] } },
      { t: '2026-11-23T09:10:00Z', baseline: { kind: 'insufficient-history', weeksAvailable: 1 } },
    ]);
  });

  it('has an honest median and a readable source', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(describeBaseline({ kind: 'baseline', value: 1, weeks: [1, 2, 3, 4] }), 'median of 4 weeks');
    assert.equal(describeBaseline({ kind: 'baseline', value: 1, weeks: [1] }), 'last week');
    assert.equal(describeBaseline({ kind: 'baseline', value: 1, weeks: [3] }), '3 weeks ago');
  });
});
