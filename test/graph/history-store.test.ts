import assert from 'node:assert/strict';
import { bucketStarts, isoSeconds } from '../../src/domain/buckets';
import { METRICS } from '../../src/domain/catalog';
import type { MsRange, Series } from '../../src/domain/series';
import { SeriesCache, type CacheKey } from '../../src/graph/cache';
import { HistoryStore } from '../../src/graph/history-store';
import { evaluate } from '../../src/monitor/evaluate-rule';
import { defaultRulesFor } from '../../src/monitor/rules';
import { seeded } from '../security/text-cases';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const WEEK = 7 * DAY;
const NOW0 = Date.parse('2026-11-25T12:00:00Z');
const key = (fn = 'getX'): CacheKey => ({ tenantId: 'A', fn, intervalMinutes: 5 });

/** What Graph would answer for `[start, end)`: `value(t)` per bucket, undefined for a gap. */
function fetched(fn: string, r: MsRange, value: (t: number) => number | undefined): Series {
  const points: Series['points'] = [];
  const gaps: string[] = [];
  for (const t of bucketStarts(r.start, r.end, 5)) {
    const v = value(t);
    if (v === undefined) gaps.push(isoSeconds(t));
    else points.push({ t: isoSeconds(t), v });
  }
  return { fn, intervalMinutes: 5, start: isoSeconds(r.start), end: isoSeconds(r.end), points, gaps };
}

/** Per bucket: small counts mostly, some gaps, and (by `kind`) large counts, fractions or negative zero. */
function valuesOf(
  seed: number,
  kind: 'counts' | 'large' | 'fractions' | 'mixed',
): (t: number) => number | undefined {
  return (t) => {
    const r = seeded(seed ^ (t / (5 * MIN)))();
    if (r < 0.08) return undefined;
    const base = Math.floor(r * 5000);
    if (kind === 'large') return base * 1000;
    if (kind === 'fractions') return base / 7;
    if (kind === 'mixed') return r < 0.5 ? base : r < 0.9 ? base / 4 : Math.PI * base;
    return base;
  };
}

describe('graph/history-store', () => {
  for (const kind of ['counts', 'large', 'fractions', 'mixed'] as const) {
    it(`reads back exactly what the series cache reads, over a day of moving windows (${kind})`, () => {
      let now = NOW0;
      const cache = new SeriesCache({ now: () => now });
      const history = new HistoryStore({ now: () => now });
      const value = valuesOf(kind.length * 7919, kind);
      for (let cycle = 0; cycle < 300; cycle++, now += 5 * MIN) {
        const end = Math.floor(now / (5 * MIN)) * 5 * MIN;
        for (const week of [1, 2, 3, 4]) {
          // as the monitor asks: the shifted window, extended to the end of a history day that turns at 15:35
          const w = { start: end - 6 * H - week * WEEK, end: end - week * WEEK };
          const offset = 15 * H + 35 * MIN + week * 5 * MIN;
          const ext = { start: w.start, end: Math.ceil((w.end - offset) / DAY) * DAY + offset };
          const stale = history.staleRange(key(), ext, now);
          assert.deepEqual(stale, cache.staleRange(key(), ext, now), `cycle ${cycle}, week ${week}`);
          if (stale) {
            cache.put(key(), fetched('getX', stale, value), now);
            history.put(key(), fetched('getX', stale, value), now);
          }
          assert.deepEqual(history.read(key(), w), cache.read(key(), w));
        }
      }
    });
  }

  it('keeps whole counts in 2 bytes a bucket, other values exactly, and drops what nobody asks for any more', () => {
    const now = NOW0;
    const h = new HistoryStore({ now: () => now });
    const r = { start: NOW0 - WEEK - 6 * H, end: NOW0 - WEEK + 18 * H };
    h.put(
      key(),
      fetched('getX', r, (t) => (t / MIN) % 1000),
      now,
    );
    assert.equal(h.bucketCount, 288);
    assert.equal(h.valueBytes, 2 * 288);
    h.put(
      key('getY'),
      fetched('getY', r, (t) => ((t / MIN) % 1000) + 0.5),
      now,
    );
    assert.equal(h.valueBytes, 2 * 288 + 4 * 288, 'halves are exact in Float32');
    h.put(
      key('getZ'),
      fetched('getZ', r, () => 0.1),
      now,
    );
    assert.equal(h.read(key('getZ'), r).series.points[0].v, 0.1, 'Float64 when Float32 is not exact');
    h.put(
      key('getW'),
      fetched('getW', r, (t) => (t === r.start ? -0 : 1)),
      now,
    );
    assert.ok(Object.is(h.read(key('getW'), r).series.points[0].v, -0));

    // a window 6 hours later, then the next history day: the 6 hours behind the window are let go
    const later = { start: r.start + 6 * H, end: r.end + DAY };
    assert.deepEqual(h.staleRange(key(), later, now), { start: r.end, end: r.end + DAY });
    h.put(
      key(),
      fetched('getX', { start: r.end, end: r.end + DAY }, () => 1),
      now,
    );
    assert.equal(h.read(key(), later).unknown, 0);
    assert.equal(h.read(key(), r).unknown, 72, 'dropped before the window');
  });

  it('lets go of what is behind the windows as they move, between writes', () => {
    let now = NOW0;
    const h = new HistoryStore({ now: () => now });
    const day = { start: NOW0 - WEEK - 6 * H, end: NOW0 - WEEK + 18 * H };
    h.put(
      key(),
      fetched('getX', day, (t) => (t / MIN) % 1000),
      now,
    );
    for (let cycle = 1; cycle <= 100; cycle++, now += 5 * MIN) {
      const w = { start: day.start + cycle * 5 * MIN, end: day.start + cycle * 5 * MIN + 6 * H };
      assert.equal(h.staleRange(key(), { start: w.start, end: day.end }, now), undefined);
      assert.equal(h.read(key(), w).unknown, 0);
    }
    assert.ok(h.bucketCount <= 288 - 72, `${h.bucketCount} buckets kept`);
    assert.equal(h.valueBytes, 2 * h.bucketCount);
    assert.equal(h.read(key(), { start: day.start + 100 * 5 * MIN, end: day.end }).unknown, 0);
  });

  it('refetches nothing it holds, and asks only for the rest of a window', () => {
    const h = new HistoryStore({ now: () => NOW0 });
    const day = { start: NOW0 - WEEK, end: NOW0 - WEEK + DAY };
    assert.deepEqual(h.staleRange(key(), day, NOW0), day);
    h.put(
      key(),
      fetched('getX', day, () => undefined),
      NOW0,
    );
    assert.equal(h.staleRange(key(), day, NOW0 + 3 * DAY), undefined, 'history is final, gaps included');
    assert.deepEqual(h.staleRange(key(), { start: day.start + H, end: day.end + H }, NOW0), {
      start: day.end,
      end: day.end + H,
    });
    const read = h.read(key(), { start: day.end - H, end: day.end + H });
    assert.equal(read.unknown, 12);
    assert.equal(read.series.gaps.length, 24);
    assert.equal(read.series.points.length, 0);
  });

  it('drops runs idle for idleMs at a write, and the least recently used lines beyond maxBuckets', () => {
    let now = NOW0;
    const h = new HistoryStore({ now: () => now, idleMs: 3 * H, maxBuckets: 600 });
    const day = (d: number) => ({ start: NOW0 - WEEK + d * DAY, end: NOW0 - WEEK + (d + 1) * DAY });
    h.put(
      key(),
      fetched('getX', day(0), () => 1),
      now,
    );
    now += 4 * H;
    h.put(
      key(),
      fetched('getX', day(2), () => 1),
      now,
    );
    assert.equal(h.bucketCount, 288, 'the idle first day went');
    h.put(
      key('getY'),
      fetched('getY', day(0), () => 1),
      now,
    );
    h.put(
      key('getZ'),
      fetched('getZ', day(0), () => 1),
      now,
    );
    assert.equal(h.size, 2);
    assert.equal(h.read(key(), day(2)).unknown, 288, 'getX was the least recently used');
  });

  it('gives every default rule the same evaluation from compact history as from the raw series', () => {
    const rules = defaultRulesFor(
      METRICS.map((m) => m.fn),
      { tenantId: 'A', createdBy: { id: 'a', name: 'A' }, createdAt: '2026-11-01T00:00:00Z' },
    );
    for (const [i, rule] of rules.entries()) {
      for (const kind of ['counts', 'mixed'] as const) {
        const seed = i * 31 + kind.length;
        const now = NOW0 + 2 * MIN + (i % 7) * 5 * MIN;
        const end = Math.floor(now / (5 * MIN)) * 5 * MIN;
        const cur = { start: end - 6 * H, end };
        const current = fetched(rule.fn, cur, valuesOf(seed, kind));
        const weeks = [1, 2, 3, 4].filter((w) => (seed + w) % 5 !== 0); // some weeks missing
        const raw = weeks.map((w) =>
          fetched(
            rule.fn,
            { start: cur.start - w * WEEK, end: cur.end - w * WEEK },
            valuesOf(seed + w, kind),
          ),
        );
        const store = new HistoryStore({ now: () => now });
        const k = key(rule.fn);
        for (const w of weeks)
          store.put(
            k,
            fetched(
              rule.fn,
              { start: cur.start - w * WEEK, end: cur.end - w * WEEK + 9 * H },
              valuesOf(seed + w, kind),
            ),
            now,
          );
        const compact = weeks.map(
          (w) => store.read(k, { start: cur.start - w * WEEK, end: cur.end - w * WEEK }).series,
        );
        for (const firing of [false, true]) {
          const input = { current, now, firing, settleMinutes: 5 };
          assert.deepEqual(
            evaluate(rule, { ...input, history: compact }),
            evaluate(rule, { ...input, history: raw }),
            `${rule.fn} ${kind} firing=${String(firing)}`,
          );
        }
      }
    }
  });
});
