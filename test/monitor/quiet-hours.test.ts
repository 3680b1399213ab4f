import assert from 'node:assert/strict';
import { parseClockTime } from '../../src/domain/time';
import {
  formatQuietHours,
  isQuietAt,
  parseQuietHours,
  quietEndsAt,
  type QuietHours,
} from '../../src/monitor/quiet-hours';

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 16) + 'Z';

function quiet(text: string, tz: string): QuietHours {
  const r = parseQuietHours(text, tz);
  assert.ok(r.ok, text);
  return r.quiet;
}

describe('quiet hours', () => {
  it('reads clock times and windows, and says what is wrong', () => {
    assert.deepEqual(parseClockTime('07:05'), { hour: 7, minute: 5 });
    assert.deepEqual(parseClockTime('9:00'), { hour: 9, minute: 0 });
    assert.deepEqual(parseClockTime('2230'), { hour: 22, minute: 30 });
    for (const bad of ['24:00', '7', '07:60', '7pm', '', '12:3'])
      assert.equal(parseClockTime(bad), undefined, bad);
    assert.deepEqual(quiet('22:00 – 07:00', 'Europe/Berlin'), {
      start: { hour: 22, minute: 0 },
      end: { hour: 7, minute: 0 },
      timeZone: 'Europe/Berlin',
    });
    const errors: [string, string, RegExp][] = [
      ['22-07', 'UTC', /look like `22:00-07:00`/],
      ['22:00-07:00-08:00', 'UTC', /look like/],
      ['08:00-08:00', 'UTC', /different times/],
      ['22:00-07:00', 'Mars/Olympus', /Unknown time zone `Mars\/Olympus`/],
    ];
    for (const [text, tz, message] of errors) {
      const r = parseQuietHours(text, tz);
      assert.ok(!r.ok && message.test(r.error), `${text} ${tz}`);
    }
    assert.equal(formatQuietHours(quiet('22:00-07:00', 'Europe/Berlin')), '22:00-07:00 Europe/Berlin');
  });

  it('wraps midnight and follows the zone through DST', () => {
    const berlin = quiet('22:00-07:00', 'Europe/Berlin');
    const table: [string, boolean][] = [
      ['2026-11-24T20:59:00Z', false], // 21:59 CET
      ['2026-11-24T21:00:00Z', true], // 22:00 CET: start is inclusive
      ['2026-11-24T23:30:00Z', true], // after local midnight
      ['2026-11-25T05:59:00Z', true], // 06:59 CET
      ['2026-11-25T06:00:00Z', false], // 07:00 CET: end is exclusive
      ['2026-07-01T20:00:00Z', true], // 22:00 CEST in summer
      ['2026-07-01T04:59:00Z', true], // 06:59 CEST
      ['2026-07-01T05:00:00Z', false], // 07:00 CEST
      ['2026-03-29T01:30:00Z', true], // the spring-forward night (03:30 CEST)
      ['2026-10-25T00:30:00Z', true], // the fall-back night, first 02:30
      ['2026-10-25T01:30:00Z', true], // the second 02:30
    ];
    for (const [at, want] of table) assert.equal(isQuietAt(berlin, Date.parse(at)), want, at);
    const day = quiet('09:00-17:00', 'America/New_York');
    assert.equal(isQuietAt(day, Date.parse('2026-11-24T14:00:00Z')), true); // 09:00 EST
    assert.equal(isQuietAt(day, Date.parse('2026-11-24T13:59:00Z')), false);
  });

  it('says when the current quiet window ends', () => {
    const berlin = quiet('22:00-07:00', 'Europe/Berlin');
    assert.equal(iso(quietEndsAt(berlin, Date.parse('2026-11-24T21:30:00Z'))), '2026-11-25T06:00Z');
    assert.equal(iso(quietEndsAt(berlin, Date.parse('2026-11-25T02:00:00Z'))), '2026-11-25T06:00Z');
    assert.equal(quietEndsAt(berlin, Date.parse('2026-11-25T12:00:00Z')), undefined);
    // Across the spring-forward night, 07:00 CEST is 05:00Z; across fall-back, 07:00 CET is 06:00Z.
    assert.equal(iso(quietEndsAt(berlin, Date.parse('2026-03-28T22:00:00Z'))), '2026-03-29T05:00Z');
    assert.equal(iso(quietEndsAt(berlin, Date.parse('2026-10-24T21:00:00Z'))), '2026-10-25T06:00Z');
    const sydney = quiet('21:00-06:00', 'Australia/Sydney');
    assert.equal(iso(quietEndsAt(sydney, Date.parse('2026-11-24T12:00:00Z'))), '2026-11-24T19:00Z'); // AEDT
  });
});
