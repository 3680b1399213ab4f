import assert from 'node:assert/strict';
import { MalformedResponseError } from '../../src/graph/errors';
import { parseSeries, type ParseContext } from '../../src/graph/parse';

const window = {
  start: new Date('2024-10-02T10:30:00Z'),
  end: new Date('2024-10-02T11:00:00Z'),
  intervalMinutes: 10 as const,
};
const ctx = (unit: 'count' | 'percent'): ParseContext => ({ tenantId: 't1', fn: 'getX', unit, window });

describe('graph/parse', () => {
  it('parses the documented value metric and reports missing buckets as gaps, not zeros', () => {
    const body = JSON.stringify({
      '@odata.context':
        'https://graph.microsoft.com/beta/$metadata#Collection(microsoft.graph.serviceActivityValueMetric)',
      value: [
        { intervalStartDateTime: '2024-10-02T10:30:00Z', value: 190567 },
        { intervalStartDateTime: '2024-10-02T10:50:00Z', value: 0 },
      ],
    });
    assert.deepEqual(parseSeries(body, ctx('count')), {
      fn: 'getX',
      intervalMinutes: 10,
      start: '2024-10-02T10:30:00Z',
      end: '2024-10-02T11:00:00Z',
      points: [
        { t: '2024-10-02T10:30:00Z', v: 190567 },
        { t: '2024-10-02T10:50:00Z', v: 0 },
      ],
      gaps: ['2024-10-02T10:40:00Z'],
    });
  });

  it('parses a performance metric, 7-digit fractions and offsets, and ignores points outside the window', () => {
    const s = parseSeries(
      {
        value: [
          { intervalStartDateTime: '2024-10-02T10:40:00.0000000Z', percentage: 99.64939191410102 },
          { intervalStartDateTime: '2024-10-02T12:30:00+02:00', percentage: 99.9 },
          { intervalStartDateTime: '2024-10-02T11:00:00Z', percentage: 50 },
          { intervalStartDateTime: '2024-10-02T10:20:00Z', percentage: 50 },
        ],
      },
      ctx('percent'),
    );
    assert.deepEqual(s.points, [
      { t: '2024-10-02T10:30:00Z', v: 99.9 },
      { t: '2024-10-02T10:40:00Z', v: 99.64939191410102 },
    ]);
    assert.deepEqual(s.gaps, ['2024-10-02T10:50:00Z']);
  });

  it('an empty value array is all gaps', () => {
    assert.equal(parseSeries({ value: [] }, ctx('count')).gaps.length, 3);
  });

  it('accepts an Int64 serialised as a string (IEEE754Compatible=true)', () => {
    const s = parseSeries(
      { value: [{ intervalStartDateTime: '2024-10-02T10:30:00Z', value: '42' }] },
      ctx('count'),
    );
    assert.deepEqual(s.points, [{ t: '2024-10-02T10:30:00Z', v: 42 }]);
  });

  const bad: Array<[string, unknown, 'count' | 'percent', RegExp]> = [
    ['truncated JSON', '{"value":[{"intervalStart', 'count', /not JSON/],
    ['no value array', { values: [] }, 'count', /no "value" array/],
    ['null body', null, 'count', /no "value" array/],
    [
      'a value metric where a performance metric is expected',
      { value: [{ intervalStartDateTime: '2024-10-02T10:30:00Z', value: 5 }] },
      'percent',
      /item 0 has no numeric "percentage" \(expected a performance metric\)/,
    ],
    [
      'a performance metric where a value metric is expected',
      { value: [{ intervalStartDateTime: '2024-10-02T10:30:00Z', percentage: 99 }] },
      'count',
      /no numeric "value" \(expected a value metric\)/,
    ],
    ['missing timestamp', { value: [{ value: 5 }] }, 'count', /item 0 has no valid intervalStartDateTime/],
    [
      'garbage timestamp',
      { value: [{ intervalStartDateTime: 'yesterday', value: 5 }] },
      'count',
      /intervalStartDateTime/,
    ],
    [
      'fractional count',
      { value: [{ intervalStartDateTime: '2024-10-02T10:30:00Z', value: 1.5 }] },
      'count',
      /not a non-negative integer/,
    ],
    [
      'percentage above 100',
      { value: [{ intervalStartDateTime: '2024-10-02T10:30:00Z', percentage: 140 }] },
      'percent',
      /outside 0-100/,
    ],
  ];
  for (const [name, body, unit, pattern] of bad) {
    it(`malformed: ${name} -> MalformedResponseError`, () => {
      assert.throws(
        () => parseSeries(body, ctx(unit)),
        (e: unknown) =>
          e instanceof MalformedResponseError &&
          e.kind === 'MalformedResponse' &&
          e.tenantId === 't1' &&
          e.fn === 'getX' &&
          pattern.test(e.message),
      );
    });
  }
});
