import assert from 'node:assert/strict';
import { planFetches, requestsFor, type FnNeed } from '../../src/graph/fetch-plan';

const H = 3_600_000;
const WEEK = 168 * H;
const recent = { start: 100 * WEEK, end: 100 * WEEK + H };
const weekAgo = { start: recent.start - WEEK, end: recent.end - WEEK };
const need = (fn: string, ranges = [recent, weekAgo]): FnNeed => ({ fn, ranges });

describe('graph/fetch-plan', () => {
  it('counts HTTP requests: a single query is a GET, otherwise one $batch per 20', () => {
    assert.deepEqual([0, 1, 2, 20, 21, 40, 41].map(requestsFor), [0, 1, 1, 1, 2, 2, 3]);
  });

  it('39 cold metrics x 2 windows: 2 batches instead of 4, merging only the 38 needed', () => {
    const plan = planFetches(Array.from({ length: 39 }, (_, i) => need(`fn${i}`)));
    assert.equal(plan.length, 40);
    assert.equal(requestsFor(plan.length), 2);
    const covering = plan.filter((p) => p.range.start === weekAgo.start && p.range.end === recent.end);
    assert.equal(covering.length, 38);
    assert.equal(new Set(plan.map((p) => p.fn)).size, 39);
  });

  it('10 metrics x 2 windows fit one batch: ranges stay separate (no week of extra data)', () => {
    const plan = planFetches(Array.from({ length: 10 }, (_, i) => need(`fn${i}`)));
    assert.equal(plan.length, 20);
    assert.ok(plan.every((p) => p.range.end - p.range.start === H));
  });

  it('merges only as many as needed, cheapest extra span first', () => {
    const needs = [
      ...Array.from({ length: 20 }, (_, i) => need(`single${i}`, [recent])),
      need('near', [recent, { start: recent.end, end: recent.end + H }]),
      need('far'),
    ];
    // 20 + 2 + 2 = 24 items = 2 batches; the minimum is 22 functions = 2 batches: nothing to merge
    assert.equal(planFetches(needs).length, 24);
    const crowded = [...needs, ...Array.from({ length: 17 }, (_, i) => need(`more${i}`, [recent]))];
    // 41 items = 3 batches; minimum 39 fns = 2 batches: merging 'near' (no extra span) is enough
    const plan = planFetches(crowded);
    assert.equal(plan.length, 40);
    assert.deepEqual(
      plan.filter((p) => p.fn === 'near').map((p) => p.range),
      [{ start: recent.start, end: recent.end + H }],
    );
    assert.equal(plan.filter((p) => p.fn === 'far').length, 2);
  });

  it('functions with nothing stale are left out', () => {
    assert.deepEqual(planFetches([need('a', []), need('b', [recent])]), [{ fn: 'b', range: recent }]);
  });
});

describe('graph/fetch-plan preference', () => {
  it('less-data never merges: 39 x 2 windows stay 78 small queries (4 batches)', () => {
    const plan = planFetches(
      Array.from({ length: 39 }, (_, i) => need(`fn${i}`)),
      'less-data',
    );
    assert.equal(plan.length, 78);
    assert.equal(requestsFor(plan.length), 4);
    assert.ok(plan.every((p) => p.range.end - p.range.start === H));
  });
});
