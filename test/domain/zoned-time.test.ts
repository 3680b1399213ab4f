import assert from 'node:assert/strict';
import {
  addDays,
  formatWallClock,
  isRealDay,
  resolveTimeZone,
  wallClockAt,
  zonedToInstant,
} from '../../src/domain/zoned-time';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';

describe('wall-clock time in IANA zones', () => {
  it('converts ordinary local times with the right offset', () => {
    const day = { year: 2026, month: 11, day: 27 };
    assert.equal(iso(zonedToInstant(day, 8, 0, 'UTC')), '2026-11-27T08:00Z');
    assert.equal(iso(zonedToInstant(day, 8, 0, 'Europe/Berlin')), '2026-11-27T07:00Z');
    assert.equal(iso(zonedToInstant(day, 8, 0, 'America/New_York')), '2026-11-27T13:00Z');
    assert.equal(iso(zonedToInstant(day, 8, 0, 'Asia/Kathmandu')), '2026-11-27T02:15Z');
    assert.equal(iso(zonedToInstant(day, 8, 0, 'Australia/Sydney')), '2026-11-26T21:00Z');
    assert.equal(
      iso(zonedToInstant({ year: 2026, month: 7, day: 1 }, 8, 0, 'Europe/Berlin')),
      '2026-07-01T06:00Z',
    );
  });

  it('moves a time skipped by spring-forward ahead by the gap', () => {
    // Berlin: 29 March 2026, 02:00 CET becomes 03:00 CEST.
    const day = { year: 2026, month: 3, day: 29 };
    assert.equal(iso(zonedToInstant(day, 1, 59, 'Europe/Berlin')), '2026-03-29T00:59Z');
    assert.equal(iso(zonedToInstant(day, 2, 30, 'Europe/Berlin')), '2026-03-29T01:30Z');
    assert.equal(iso(zonedToInstant(day, 3, 0, 'Europe/Berlin')), '2026-03-29T01:00Z');
    // New York: 8 March 2026, 02:00 EST becomes 03:00 EDT.
    assert.equal(
      iso(zonedToInstant({ year: 2026, month: 3, day: 8 }, 2, 30, 'America/New_York')),
      '2026-03-08T07:30Z',
    );
  });

  it('takes the first of two readings repeated by fall-back', () => {
    // Berlin: 25 October 2026, 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
    const day = { year: 2026, month: 10, day: 25 };
    assert.equal(iso(zonedToInstant(day, 2, 30, 'Europe/Berlin')), '2026-10-25T00:30Z');
    assert.equal(iso(zonedToInstant(day, 3, 30, 'Europe/Berlin')), '2026-10-25T02:30Z');
    // Sydney (southern hemisphere): 5 April 2026, 03:00 AEDT becomes 02:00 AEST.
    assert.equal(
      iso(zonedToInstant({ year: 2026, month: 4, day: 5 }, 2, 30, 'Australia/Sydney')),
      '2026-04-04T15:30Z',
    );
  });

  it('reads the wall clock back, weekday included', () => {
    const w = wallClockAt(Date.parse('2026-11-27T23:30:00Z'), 'Europe/Berlin');
    assert.deepEqual(w, { year: 2026, month: 11, day: 28, hour: 0, minute: 30, weekday: 6 });
    assert.equal(formatWallClock(Date.parse('2026-11-27T08:00:00Z'), 'America/New_York'), '2026-11-27 03:00');
    assert.equal(formatWallClock(NaN, 'UTC'), 'an impossible time');
  });

  it('accepts IANA names and falls back to UTC for anything else', () => {
    assert.equal(resolveTimeZone('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(resolveTimeZone(' America/Los_Angeles '), 'America/Los_Angeles');
    for (const bad of [undefined, '', 'Mars/Olympus_Mons', 'x'.repeat(100), 'Pacific Standard Time']) {
      assert.equal(resolveTimeZone(bad), 'UTC', String(bad));
    }
  });

  it('does calendar arithmetic across months, years and leap days', () => {
    assert.deepEqual(addDays({ year: 2026, month: 3, day: 1 }, -1), { year: 2026, month: 2, day: 28 });
    assert.deepEqual(addDays({ year: 2028, month: 3, day: 1 }, -1), { year: 2028, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
    assert.equal(isRealDay({ year: 2026, month: 2, day: 29 }), false);
    assert.equal(isRealDay({ year: 2028, month: 2, day: 29 }), true);
    assert.equal(isRealDay({ year: 2026, month: 13, day: 1 }), false);
  });
});
