import assert from 'node:assert/strict';
import { SeriesCache, type CacheKey } from '../../src/graph/cache';
import { bucketStarts, isoSeconds } from '../../src/domain/buckets';
import type { Series } from '../../src/domain/series';

const MIN = 60_000;
const T = (hhmm: string) => Date.parse(`2024-10-02T${hhmm}:00Z`);
const key: CacheKey = { tenantId: 'A', fn: 'getX', intervalMinutes: 15 };

/** A fetched series over [start, end) with value = minutes since midnight, except the listed gaps. */
function fetched(start: number, end: number, gaps: number[] = [], k: CacheKey = key): Series {
  const all = bucketStarts(start, end, k.intervalMinutes);
  return {
    fn: k.fn,
    intervalMinutes: k.intervalMinutes,
    start: isoSeconds(start),
    end: isoSeconds(end),
    points: all
      .filter((t) => !gaps.includes(t))
      .map((t) => ({ t: isoSeconds(t), v: (t % 86_400_000) / MIN })),
    gaps: gaps.map(isoSeconds),
  };
}

describe('graph/cache', () => {
  it('a cold window is stale as a whole', () => {
    const c = new SeriesCache();
    assert.deepEqual(c.staleRange(key, { start: T('10:00'), end: T('11:00') }, T('12:07')), {
      start: T('10:00'),
      end: T('11:00'),
    });
  });

  it('merges overlapping windows and serves the union, gaps as gaps', () => {
    const c = new SeriesCache();
    const now = T('12:07');
    c.put(key, fetched(T('09:00'), T('10:00'), [T('09:30')]), now);
    c.put(key, fetched(T('09:45'), T('11:00')), now);
    assert.equal(c.staleRange(key, { start: T('09:00'), end: T('11:00') }, now), undefined);
    const { series, unknown, fetchedAt } = c.read(key, { start: T('09:00'), end: T('11:00') });
    assert.equal(unknown, 0);
    assert.equal(fetchedAt, now);
    assert.deepEqual(series.gaps, ['2024-10-02T09:30:00Z']);
    assert.equal(series.points.length, 7);
    assert.deepEqual(series.points[0], { t: '2024-10-02T09:00:00Z', v: 540 });
  });

  it('asks only for the part of a window it has never seen', () => {
    const c = new SeriesCache();
    c.put(key, fetched(T('09:00'), T('10:00')), T('12:07'));
    assert.deepEqual(c.staleRange(key, { start: T('08:00'), end: T('10:00') }, T('12:08')), {
      start: T('08:00'),
      end: T('09:00'),
    });
    assert.deepEqual(c.staleRange(key, { start: T('09:30'), end: T('10:30') }, T('12:08')), {
      start: T('10:00'),
      end: T('10:30'),
    });
    const partial = c.read(key, { start: T('09:30'), end: T('10:30') });
    assert.equal(partial.unknown, 2);
    assert.deepEqual(partial.series.gaps, ['2024-10-02T10:00:00Z', '2024-10-02T10:15:00Z']);
  });

  it('keeps completed buckets and refetches the newest two (plus the one in progress) after the next boundary', () => {
    const c = new SeriesCache();
    const window = { start: T('11:00'), end: T('12:15') };
    c.put(key, fetched(window.start, window.end), T('12:07'));
    // same bucket period: everything fresh
    assert.equal(c.staleRange(key, window, T('12:15') - 1), undefined);
    // next boundary: 11:30 and 11:45 (newest two complete at fetch time) and 12:00 (in progress) are refetched
    assert.deepEqual(c.staleRange(key, window, T('12:15')), { start: T('11:30'), end: T('12:15') });
  });

  it('a bucket that was already settled when fetched never expires', () => {
    const c = new SeriesCache();
    c.put(key, fetched(T('09:00'), T('10:00')), T('12:07'));
    assert.equal(
      c.staleRange(key, { start: T('09:00'), end: T('10:00') }, T('12:07') + 20 * 24 * 60 * MIN),
      undefined,
    );
  });

  it('a late point replaces the provisional gap on refetch', () => {
    const c = new SeriesCache();
    c.put(key, fetched(T('11:30'), T('12:00'), [T('11:45')]), T('12:07'));
    c.put(key, fetched(T('11:30'), T('12:15')), T('12:16'));
    assert.deepEqual(c.read(key, { start: T('11:30'), end: T('12:00') }).series.gaps, []);
  });

  it('expires exactly at the bucket boundary, per interval', () => {
    const c = new SeriesCache();
    const k5: CacheKey = { ...key, intervalMinutes: 5 };
    const w = { start: T('11:50'), end: T('12:05') };
    c.put(k5, fetched(w.start, w.end, [], k5), T('12:01'));
    assert.equal(c.staleRange(k5, w, T('12:05') - 1), undefined);
    assert.notEqual(c.staleRange(k5, w, T('12:05')), undefined);
  });

  it("never serves one tenant's data for another, nor across intervals", () => {
    const c = new SeriesCache();
    c.put(key, fetched(T('09:00'), T('10:00')), T('12:07'));
    const w = { start: T('09:00'), end: T('10:00') };
    assert.deepEqual(c.staleRange({ ...key, tenantId: 'B' }, w, T('12:07')), w);
    assert.equal(c.read({ ...key, tenantId: 'B' }, w).series.points.length, 0);
    assert.deepEqual(c.staleRange({ ...key, intervalMinutes: 30 }, w, T('12:07')), w);
  });

  it('evicts the least recently used line beyond maxKeys', () => {
    const c = new SeriesCache({ maxKeys: 2 });
    const w = { start: T('09:00'), end: T('10:00') };
    c.put({ ...key, tenantId: 'A' }, fetched(w.start, w.end), T('10:05'));
    c.put({ ...key, tenantId: 'B' }, fetched(w.start, w.end), T('10:05'));
    c.read({ ...key, tenantId: 'A' }, w);
    c.put({ ...key, tenantId: 'C' }, fetched(w.start, w.end), T('10:05'));
    assert.equal(c.size, 2);
    assert.equal(c.read({ ...key, tenantId: 'B' }, w).unknown, 4);
    assert.equal(c.read({ ...key, tenantId: 'A' }, w).unknown, 0);
  });

  it('drops buckets older than the retention once a line outgrows twice the retention', () => {
    const c = new SeriesCache({ retentionMs: 60 * MIN });
    const w = { start: T('09:00'), end: T('12:00') };
    c.put(key, fetched(T('09:00'), T('10:00')), T('10:05'));
    assert.equal(c.read(key, w).unknown, 8, 'no pruning below 8 buckets');
    c.put(key, fetched(T('10:00'), T('12:00')), T('12:05'));
    assert.equal(c.read(key, w).unknown, 9, 'only 11:15, 11:30 and 11:45 are within 60 minutes of 12:05');
  });
});
