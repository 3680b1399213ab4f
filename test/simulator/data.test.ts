import assert from 'node:assert/strict';
import { metricById } from '../../src/domain/catalog';
import type { MetricDef } from '../../src/domain/catalog-types';
import { generateSeries, type SeriesPoint } from '../../src/simulator/series/generator';
import { startSimulator } from '../../src/simulator';
import { appToken, fnUrl, get } from './helpers';

const HOUR = 3600_000;
const WED = Date.parse('2026-11-25T00:00:00Z'); // a Wednesday
const SAT = Date.parse('2026-11-28T00:00:00Z');

function metric(id: string): MetricDef {
  const m = metricById(id);
  assert.ok(m, id);
  return m;
}

function series(
  id: string,
  start: number,
  end: number,
  interval: number,
  extra: { now?: number; lag?: number; seats?: number; seed?: number; tenant?: string } = {},
) {
  return generateSeries({
    seed: extra.seed ?? 7,
    tenantId: extra.tenant ?? 'contoso',
    tenant: { seats: extra.seats ?? 10_000 },
    metric: metric(id),
    start: new Date(start),
    end: new Date(end),
    intervalMinutes: interval,
    now: new Date(extra.now ?? end + 7 * 24 * HOUR),
    lagMinutes: extra.lag ?? 10,
    modifiers: [],
  });
}

const values = (s: SeriesPoint[]) => s.map((p) => ('value' in p ? p.value : p.percentage));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('simulator data generator', () => {
  it('is a pure function of seed, tenant, function and bucket', () => {
    const a = series('mail-delivery', WED, WED + 24 * HOUR, 15);
    assert.deepEqual(series('mail-delivery', WED, WED + 24 * HOUR, 15), a);
    assert.notDeepEqual(series('mail-delivery', WED, WED + 24 * HOUR, 15, { seed: 8 }), a);
    assert.notDeepEqual(series('mail-delivery', WED, WED + 24 * HOUR, 15, { tenant: 'fabrikam' }), a);
    const sub = series('mail-delivery', WED + 6 * HOUR, WED + 9 * HOUR, 15);
    assert.deepEqual(sub, a.slice(24, 36), 'any window agrees with a wider one');
  });

  it('aggregates coarser intervals from finer ones: counts sum, percentages average', () => {
    const five = values(series('teams-chat', WED, WED + 6 * HOUR, 5));
    const thirty = values(series('teams-chat', WED, WED + 6 * HOUR, 30));
    const ten = values(series('teams-chat', WED, WED + 6 * HOUR, 10));
    thirty.forEach((v, i) =>
      assert.equal(
        v,
        five.slice(i * 6, i * 6 + 6).reduce((a, b) => a + b, 0),
      ),
    );
    thirty.forEach((v, i) =>
      assert.equal(
        v,
        ten.slice(i * 3, i * 3 + 3).reduce((a, b) => a + b, 0),
      ),
    );
    const p5 = values(series('teams-udp', WED, WED + 6 * HOUR, 5));
    const p15 = values(series('teams-udp', WED, WED + 6 * HOUR, 15));
    p15.forEach((v, i) => assert.ok(Math.abs(v - mean(p5.slice(i * 3, i * 3 + 3))) < 1e-9));
  });

  it('follows a working-day shape: quiet night, morning peak, lunch dip, quiet weekend', () => {
    const day = values(series('desktop-mail', WED, WED + 24 * HOUR, 30));
    const at = (h: number) => day[h * 2] + day[h * 2 + 1];
    assert.ok(at(10) > 8 * at(3), `10:00 ${at(10)} vs 03:00 ${at(3)}`);
    assert.ok(at(12) < 0.85 * at(10), `lunch ${at(12)} vs 10:00 ${at(10)}`);
    assert.ok(at(14) > at(12), 'afternoon recovers');
    assert.ok(at(20) < 0.3 * at(10), 'evening fades');
    const saturday = values(series('desktop-mail', SAT, SAT + 24 * HOUR, 30));
    assert.ok(mean(saturday) < 0.3 * mean(day), 'weekend is quiet');
    const mail = values(series('mail-delivery', WED, WED + 24 * HOUR, 30));
    assert.ok(mail[6] > 0.15 * mail[20], 'mail keeps flowing at night');
  });

  it('scales counts with seats around `typical` per 1,000 seats per 15 minutes at the weekday peak', () => {
    const peak = (seats: number) =>
      mean(values(series('mail-delivery', WED + 9.5 * HOUR, WED + 11 * HOUR, 15, { seats })));
    const typical = metric('mail-delivery').typical * 10;
    assert.ok(Math.abs(peak(10_000) - typical) < 0.2 * typical, `peak ${peak(10_000)} vs ${typical}`);
    const ratio = peak(20_000) / peak(10_000);
    assert.ok(ratio > 1.7 && ratio < 2.3, `ratio ${ratio}`);
  });

  it('keeps percentages near their norms', () => {
    const week = (id: string) => values(series(id, WED - 3 * 24 * HOUR, WED + 4 * 24 * HOUR, 30));
    const conn = week('exchange-connectivity');
    assert.ok(
      Math.abs(mean(conn) - 99.9) < 0.1 && Math.min(...conn) > 99,
      `connectivity ${mean(conn)} min ${Math.min(...conn)}`,
    );
    const udp = week('teams-udp');
    assert.ok(
      Math.abs(mean(udp) - 95) < 1 && Math.min(...udp) > 88,
      `udp ${mean(udp)} min ${Math.min(...udp)}`,
    );
    const qoe = week('teams-qoe');
    assert.ok(
      Math.abs(mean(qoe) - 97) < 1 && Math.min(...qoe) > 92 && Math.max(...qoe) <= 100,
      `qoe ${mean(qoe)}`,
    );
  });

  it('reports gauges as a level, not a sum of minutes', () => {
    const branches = (interval: number) =>
      values(series('gsa-branches-alive', WED, WED + 2 * HOUR, interval));
    assert.deepEqual([...new Set(branches(5))], [10]);
    assert.deepEqual([...new Set(branches(30))], [10]);
  });

  it('returns a partial, still-open newest bucket that grows as time passes', () => {
    const start = WED + 10 * HOUR;
    const at = (now: number) => values(series('desktop-mail', start, start + HOUR, 15, { now, lag: 0 }));
    const early = at(start + 30 * 60_000 + 3 * 60_000);
    const later = at(start + 30 * 60_000 + 12 * 60_000);
    const done = at(start + 2 * HOUR);
    assert.equal(early.length, 3);
    assert.ok(early[2] < 0.35 * done[2], `3 of 15 minutes: ${early[2]} vs ${done[2]}`);
    assert.ok(later[2] > early[2] && later[2] < done[2]);
    assert.deepEqual(early.slice(0, 2), done.slice(0, 2));
  });

  it('makes the last complete bucket "late" (lower) and corrects it on later calls', () => {
    const start = WED + 10 * HOUR;
    const now = start + 30 * 60_000 + 30_000; // 30 s after the 10:15 bucket closed
    const late = values(series('owa-read', start, start + HOUR, 15, { now }));
    const corrected = values(series('owa-read', start, start + HOUR, 15, { now: now + 20 * 60_000 }));
    assert.ok(late[1] < 0.95 * corrected[1], `late ${late[1]} vs corrected ${corrected[1]}`);
    assert.ok(late[1] > 0.7 * corrected[1]);
    assert.equal(late[0], corrected[0], 'older buckets are final');
    assert.deepEqual(
      corrected.slice(0, 2),
      values(series('owa-read', start, start + HOUR, 15, { now: now + 20 * 60_000, lag: 0 })).slice(0, 2),
    );
  });

  it('serves the same data from two simulators with the same seed', async () => {
    const now = () => new Date('2026-11-25T12:00:00Z');
    const [a, b] = await Promise.all([startSimulator({ seed: 3, now }), startSimulator({ seed: 3, now })]);
    try {
      const url = (sim: typeof a) =>
        fnUrl(sim, 'getUsageMetricsForTeamsByMeetingsJoined', WED + 8 * HOUR, WED + 11 * HOUR, 5);
      const ra = await get(url(a), appToken(a));
      const rb = await get(url(b), appToken(b));
      assert.equal(ra.body.value?.length, 36);
      assert.deepEqual(ra.body.value, rb.body.value);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
