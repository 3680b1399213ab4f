import assert from 'node:assert/strict';
import { bucketStarts, isoSeconds } from '../../src/domain/buckets';
import { SeriesCache, type CacheKey } from '../../src/graph/cache';
import type { Series } from '../../src/domain/series';

const H = 3_600_000;
const DAY = 24 * H;
const T = (iso: string) => Date.parse(iso);
const key = (tenantId = 'A'): CacheKey => ({ tenantId, fn: 'getX', intervalMinutes: 15 });

function fetched(start: number, end: number): Series {
  const ts = bucketStarts(start, end, 15);
  return {
    fn: 'getX',
    intervalMinutes: 15,
    start: isoSeconds(start),
    end: isoSeconds(end),
    points: ts.map((t) => ({ t: isoSeconds(t), v: (t / 60_000) % 1440 })),
    gaps: [],
  };
}

describe('graph/cache bounds', () => {
  it('keeps the blocks a monitor asks for or reads every cycle, and drops blocks idle for idleMs at a write', () => {
    let now = T('2026-11-25T00:30:00Z');
    const c = new SeriesCache({ idleMs: 3 * H, now: () => now });
    const history = { start: T('2026-11-18T00:00:00Z'), end: T('2026-11-19T00:00:00Z') };
    const yesterday = { start: T('2026-11-24T18:00:00Z'), end: T('2026-11-25T00:00:00Z') };
    c.put(key(), fetched(history.start, history.end), now);
    c.put(key(), fetched(yesterday.start, yesterday.end), now);
    assert.equal(c.bucketCount, 96 + 24);
    for (; now < T('2026-11-25T16:00:00Z'); now += 15 * 60_000) {
      // as the monitor does: ask for the rest of the history day from the window's start, read the window, write
      c.staleRange(key(), { start: now - 6 * H - 7 * DAY, end: history.end }, now);
      c.read(key(), { start: now - 6 * H - 7 * DAY, end: now - 7 * DAY });
      c.put(key(), fetched(now - 15 * 60_000, now), now);
    }
    // The window's start reached 07:00 (a week back) at 13:00: hourly blocks before it idle 3 hours by 15:45 go.
    const morning = T('2026-11-18T07:00:00Z');
    assert.equal(c.read(key(), { start: morning, end: history.end }).unknown, 0, 'asked for within idleMs');
    assert.equal(
      c.read(key(), { start: history.start, end: morning }).unknown,
      28,
      'behind the window for 3 hours',
    );
    assert.equal(c.read(key(), yesterday).unknown, 24, 'yesterday, unused since 00:30, is gone');
  });

  it('evicts the least recently used lines beyond maxBuckets and keeps the count exact', () => {
    const now = T('2026-11-25T12:05:00Z');
    const c = new SeriesCache({ maxBuckets: 100, now: () => now });
    const day = { start: T('2026-11-24T00:00:00Z'), end: T('2026-11-25T00:00:00Z') };
    c.put(key('A'), fetched(day.start, day.start + 10 * H), now); // 40 buckets
    c.put(key('B'), fetched(day.start, day.start + 10 * H), now);
    c.read(key('A'), day);
    c.put(key('C'), fetched(day.start, day.start + 10 * H), now);
    assert.equal(c.size, 2);
    assert.equal(c.bucketCount, 80);
    assert.equal(c.read(key('B'), day).unknown, 96, 'B was the least recently used');
    assert.equal(c.read(key('A'), day).unknown, 56);
    c.put(key('A'), fetched(day.start, day.start + 12 * H), now); // 8 more for A, none twice
    assert.equal(c.bucketCount, 88);
  });

  it('keeps gaps and values apart: a fetched bucket without a point is a gap, not unknown and not 0', () => {
    const now = T('2026-11-25T12:05:00Z');
    const c = new SeriesCache({ now: () => now });
    const w = { start: T('2026-11-25T10:00:00Z'), end: T('2026-11-25T11:00:00Z') };
    const s = fetched(w.start, w.end);
    s.points = s.points.filter((p) => p.t !== '2026-11-25T10:15:00Z');
    c.put(key(), s, now);
    const r = c.read(key(), w);
    assert.equal(r.unknown, 0);
    assert.deepEqual(r.series.gaps, ['2026-11-25T10:15:00Z']);
    assert.deepEqual(
      r.series.points.map((p) => p.v),
      [600, 630, 645],
    );
  });
});
