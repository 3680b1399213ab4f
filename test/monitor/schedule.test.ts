import assert from 'node:assert/strict';
import {
  DEFAULT_CYCLE_MS,
  DEMO_CYCLE_MS,
  nextDailyAt,
  nextPollAt,
  tenantOffsetMs,
} from '../../src/monitor/schedule';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const NINE = { hour: 9, minute: 0 };

describe('schedule', () => {
  it('finds the next daily digest time in the zone, strictly after now', () => {
    const table: [string, string, string][] = [
      ['2026-11-24T07:00:00Z', 'Europe/Berlin', '2026-11-24T08:00:00Z'],
      ['2026-11-24T08:00:00Z', 'Europe/Berlin', '2026-11-25T08:00:00Z'], // exactly 09:00: the next day's
      ['2026-11-24T08:00:01Z', 'Europe/Berlin', '2026-11-25T08:00:00Z'],
      ['2026-11-24T23:30:00Z', 'Europe/Berlin', '2026-11-25T08:00:00Z'], // 00:30 local, already the 25th
      ['2026-11-24T13:00:00Z', 'America/New_York', '2026-11-24T14:00:00Z'],
      ['2026-11-24T22:30:00Z', 'Asia/Tokyo', '2026-11-25T00:00:00Z'],
      ['2026-03-28T09:00:00Z', 'Europe/Berlin', '2026-03-29T07:00:00Z'], // 09:00 CEST after spring-forward
      ['2026-10-24T08:00:00Z', 'Europe/Berlin', '2026-10-25T08:00:00Z'], // 09:00 CET after fall-back
      ['2026-11-24T10:00:00Z', 'UTC', '2026-11-25T09:00:00Z'],
    ];
    for (const [now, tz, want] of table)
      assert.equal(iso(nextDailyAt(Date.parse(now), NINE, tz)), want, `${now} ${tz}`);
  });

  it('runs a time skipped by spring-forward once, at the moment after the gap', () => {
    const at = { hour: 2, minute: 30 };
    assert.equal(
      iso(nextDailyAt(Date.parse('2026-03-28T12:00:00Z'), at, 'Europe/Berlin')),
      '2026-03-29T01:30:00Z',
    );
    assert.equal(
      iso(nextDailyAt(Date.parse('2026-10-24T12:00:00Z'), at, 'Europe/Berlin')),
      '2026-10-25T00:30:00Z',
    );
    assert.equal(
      iso(nextDailyAt(Date.parse('2026-10-25T00:30:00Z'), at, 'Europe/Berlin')),
      '2026-10-26T01:30:00Z',
    );
  });

  it('aligns polls to bucket boundaries, with an optional offset', () => {
    const table: [string, number, number, string][] = [
      ['2026-11-24T10:02:17Z', DEFAULT_CYCLE_MS, 0, '2026-11-24T10:05:00Z'],
      ['2026-11-24T10:05:00Z', DEFAULT_CYCLE_MS, 0, '2026-11-24T10:10:00Z'],
      ['2026-11-24T10:04:59Z', DEFAULT_CYCLE_MS, 0, '2026-11-24T10:05:00Z'],
      ['2026-11-24T10:02:17Z', DEFAULT_CYCLE_MS, 30_000, '2026-11-24T10:05:30Z'],
      ['2026-11-24T10:00:10Z', DEFAULT_CYCLE_MS, 30_000, '2026-11-24T10:00:30Z'],
      ['2026-11-24T10:00:30Z', DEFAULT_CYCLE_MS, 30_000, '2026-11-24T10:05:30Z'],
      ['2026-11-24T10:00:07Z', DEMO_CYCLE_MS, 0, '2026-11-24T10:00:15Z'],
      ['2026-11-24T10:00:59Z', DEMO_CYCLE_MS, 0, '2026-11-24T10:01:00Z'],
    ];
    for (const [now, cycle, offset, want] of table)
      assert.equal(iso(nextPollAt(Date.parse(now), cycle, offset)), want, now);
    assert.throws(() => nextPollAt(0, 0), /cycleMs must be a positive integer, got 0/);
    assert.throws(
      () => nextPollAt(0, DEMO_CYCLE_MS, DEMO_CYCLE_MS),
      /offsetMs must be an integer in \[0, 15000\)/,
    );
  });

  it('spreads tenants over the first fifth of a cycle, stably', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => tenantOffsetMs(`tenant-${i}`));
    assert.ok(offsets.every((o) => o >= 0 && o < 60_000 && o % 1000 === 0));
    assert.ok(new Set(offsets).size > 40, 'spread over many seconds');
    assert.equal(tenantOffsetMs('contoso'), tenantOffsetMs('contoso'));
    assert.equal(tenantOffsetMs('contoso', DEMO_CYCLE_MS) < 3000, true);
  });
});
