import assert from 'node:assert/strict';
import { resolveTime } from '../../src/commands/resolve-time';
import { readTime, type TimeSpec } from '../../src/commands/read-time';

/** Friday 27 November 2026, 10:07:30 UTC. */
const NOW = Date.parse('2026-11-27T10:07:30Z');

function at(text: string, timeZone = 'UTC', role: 'start' | 'end' = 'start', anchor?: number): string {
  const tokens = text.split(' ');
  const read = readTime(tokens, 0);
  assert.ok(read?.ok, `${text}: ${read && !read.ok ? read.message : 'not a time'}`);
  assert.equal(read.next, tokens.length, `${text}: every word is part of the time`);
  return (
    new Date(resolveTime(read.spec, { now: NOW, timeZone }, role, anchor).ms).toISOString().slice(0, 16) + 'Z'
  );
}

describe('friendly and ISO times', () => {
  const utc: [string, string][] = [
    ['now', '2026-11-27T10:07Z'],
    ['08:00', '2026-11-27T08:00Z'],
    ['8am', '2026-11-27T08:00Z'],
    ['8 am', '2026-11-27T08:00Z'],
    ['8:30pm', '2026-11-26T20:30Z'],
    ['8:30 p.m', '2026-11-26T20:30Z'],
    ['12am', '2026-11-27T00:00Z'],
    ['12pm', '2026-11-26T12:00Z'],
    ['noon', '2026-11-26T12:00Z'],
    ['midnight', '2026-11-27T00:00Z'],
    ['today 9:30', '2026-11-27T09:30Z'],
    ['today at 9:30', '2026-11-27T09:30Z'],
    ['yesterday 14:00', '2026-11-26T14:00Z'],
    ['14:00 yesterday', '2026-11-26T14:00Z'],
    ['2pm on yesterday', '2026-11-26T14:00Z'],
    ['yesterday', '2026-11-26T00:00Z'],
    ['today', '2026-11-27T00:00Z'],
    ['mon 10:00', '2026-11-23T10:00Z'],
    ['monday', '2026-11-23T00:00Z'],
    ['last fri', '2026-11-27T00:00Z'],
    ['fri 11:00', '2026-11-20T11:00Z'],
    ['fri 09:00', '2026-11-27T09:00Z'],
    ['sat 10:00', '2026-11-21T10:00Z'],
    ['2026-11-27t08:00', '2026-11-27T08:00Z'],
    ['2026-11-27t08:00z', '2026-11-27T08:00Z'],
    ['2026-11-27t08:00:59z', '2026-11-27T08:00Z'],
    ['2026-11-27t08:00+01:00', '2026-11-27T07:00Z'],
    ['2026-11-27t08:00-0530', '2026-11-27T13:30Z'],
    ['2026-11-27 08:00z', '2026-11-27T08:00Z'],
    ['2026-11-27 08:00 utc', '2026-11-27T08:00Z'],
    ['2026-11-26', '2026-11-26T00:00Z'],
    ['2h ago', '2026-11-27T08:07Z'],
    ['90 minutes ago', '2026-11-27T08:37Z'],
    ['an hour ago', '2026-11-27T09:07Z'],
  ];
  for (const [text, expected] of utc) {
    it(`UTC: ${JSON.stringify(text)} → ${expected}`, () => assert.equal(at(text), expected));
  }

  it('reads wall-clock times in the user time zone, and Z/UTC/offsets as written', () => {
    assert.equal(at('08:00', 'Europe/Berlin'), '2026-11-27T07:00Z');
    assert.equal(at('08:00', 'America/New_York'), '2026-11-26T13:00Z'); // 05:07 there: 08:00 today is still ahead
    assert.equal(at('yesterday 14:00', 'America/Los_Angeles'), '2026-11-26T22:00Z'); // 02:07 on the 27th there
    assert.equal(at('today', 'Asia/Tokyo'), '2026-11-26T15:00Z');
    assert.equal(at('08:00z', 'Europe/Berlin'), '2026-11-27T08:00Z');
    assert.equal(at('08:00 utc', 'America/New_York'), '2026-11-27T08:00Z');
    assert.equal(at('2026-11-27t08:00', 'Europe/Berlin'), '2026-11-27T07:00Z');
    assert.equal(at('2026-11-27t08:00z', 'Europe/Berlin'), '2026-11-27T08:00Z');
    assert.equal(at('2026-11-27t08:00+05:30', 'Europe/Berlin'), '2026-11-27T02:30Z');
  });

  it('ends a day at the next midnight (or now), and a clock after the range start', () => {
    assert.equal(at('yesterday', 'UTC', 'end'), '2026-11-27T00:00Z');
    assert.equal(at('today', 'UTC', 'end'), '2026-11-27T10:07Z');
    assert.equal(at('yesterday', 'Europe/Berlin', 'end'), '2026-11-26T23:00Z');
    const start = Date.parse('2026-11-26T22:00:00Z');
    assert.equal(at('02:00', 'UTC', 'end', start), '2026-11-27T02:00Z');
    assert.equal(at('23:00', 'UTC', 'end', start), '2026-11-26T23:00Z');
  });

  it('follows DST: a day of 23 or 25 hours, and times in the gap and the overlap', () => {
    const springNow = Date.parse('2026-03-29T10:00:00Z');
    const spring = (text: string, role: 'start' | 'end' = 'start'): number => {
      const read = readTime(text.split(' '), 0);
      assert.ok(read?.ok);
      return resolveTime(read.spec, { now: springNow, timeZone: 'Europe/Berlin' }, role).ms;
    };
    assert.equal(new Date(spring('02:30')).toISOString(), '2026-03-29T01:30:00.000Z'); // 03:30 CEST
    assert.equal(spring('yesterday', 'end') - spring('yesterday'), 24 * 3_600_000);
    const fallNow = Date.parse('2026-10-26T10:00:00Z');
    const fall = (text: string, role: 'start' | 'end' = 'start'): number => {
      const read = readTime(text.split(' '), 0);
      assert.ok(read?.ok);
      return resolveTime(read.spec, { now: fallNow, timeZone: 'Europe/Berlin' }, role).ms;
    };
    assert.equal(fall('yesterday', 'end') - fall('yesterday'), 25 * 3_600_000);
    assert.equal(new Date(fall('yesterday 02:30')).toISOString(), '2026-10-25T00:30:00.000Z');
    const newYorkNow = Date.parse('2026-03-09T12:00:00Z');
    const read = readTime(['yesterday'], 0);
    assert.ok(read?.ok);
    const ctx = { now: newYorkNow, timeZone: 'America/New_York' };
    assert.equal(
      resolveTime(read.spec, ctx, 'end').ms - resolveTime(read.spec, ctx, 'start').ms,
      23 * 3_600_000,
    );
  });

  it('reports impossible times and dates, and ignores words that are not times', () => {
    const bad: [string, RegExp][] = [
      ['25:00', /`25:00` is not a time of day: use 24-hour `14:30` or `2:30pm`/],
      ['13pm', /`13pm` is not a time of day/],
      ['8:75', /`8:75` is not a time of day/],
      ['2026-02-30', /`2026-02-30` is not a date/],
      ['2026-13-01t08:00', /`2026-13-01` is not a date/],
      ['2026-11-27t08:00+15:00', /`\+15:00` .* is not a UTC offset/],
      ['today 24:00', /`24:00` is not a time of day/],
    ];
    for (const [text, pattern] of bad) {
      const read = readTime(text.split(' '), 0);
      assert.ok(read && !read.ok, text);
      assert.match(read.message, pattern);
    }
    for (const text of ['mail', '6h', '15', 'last', 'week', ''])
      assert.equal(readTime(text.split(' '), 0), undefined, text);
  });

  it('keeps what was written for messages', () => {
    const read = readTime(['yesterday', 'at', '2pm', 'extra'], 0);
    assert.ok(read?.ok);
    assert.equal((read.spec as TimeSpec).text, 'yesterday at 2pm');
    assert.equal(read.next, 3);
  });
});
