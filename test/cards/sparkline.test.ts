import assert from 'node:assert/strict';
import { SPARK_GAP, sparkline, sparklineOfPoints, trendWord } from '../../src/cards/sparkline';

describe('cards/sparkline', () => {
  it('maps values onto the eight bars', () => {
    const table: [(number | null | undefined)[], string][] = [
      [[1, 2, 3, 4, 5, 6, 7, 8], '▁▂▃▄▅▆▇█'],
      [[0, 100], '▁█'],
      [[10, 0, 5], '█▁▅'],
      [[5, 5, 5], '▄▄▄'],
      [[0, 0], '▁▁'],
      [[], ''],
      [[42], '▄'],
      [[-3, 3], '▁█'],
    ];
    for (const [values, want] of table) assert.equal(sparkline(values), want, JSON.stringify(values));
  });

  it('shows gaps as a no-break space so rows keep their width', () => {
    assert.equal(SPARK_GAP, '\u00a0');
    assert.equal(sparkline([1, null, 8, undefined, Number.NaN]), `▁${SPARK_GAP}█${SPARK_GAP}${SPARK_GAP}`);
    assert.equal(sparkline([null, null]), SPARK_GAP.repeat(2));
    assert.equal([...sparkline([1, null, 3, 4])].length, 4);
  });

  it('places points on their buckets and leaves missing buckets empty', () => {
    const end = Date.parse('2026-11-27T15:00:00Z');
    const points = [
      { t: '2026-11-27T14:00:00Z', v: 1 },
      { t: '2026-11-27T14:30:00Z', v: 8 },
      { t: '2026-11-27T14:45:00Z', v: 4 },
      { t: '2026-11-27T10:00:00Z', v: 1000 }, // outside the width: ignored
    ];
    assert.equal(sparklineOfPoints(points, 15, end, 4), `▁${SPARK_GAP}█▄ rising`);
    assert.equal(sparklineOfPoints([], 15, end, 3), `${SPARK_GAP.repeat(3)} no data`);
  });

  it('names the trend in words for screen readers', () => {
    const table: [(number | null)[], string][] = [
      [[10, 10, 10, 30, 30, 30], 'rising'],
      [[30, 30, 30, 10, 10, 10], 'falling'],
      [[100, 104, 98, 101, 103, 99], 'steady'],
      [[0, 0, 0], 'steady'],
      [[null, 5, null, 1], 'falling'],
      [[], 'no data'],
      [[null, null], 'no data'],
    ];
    for (const [values, want] of table) assert.equal(trendWord(values), want, JSON.stringify(values));
  });
});
