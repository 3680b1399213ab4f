import { readDuration } from './read-duration';
import { isRealDay, utcMs, type CalendarDay } from '../domain/zoned-time';

/*
 * Points in time as users type them, read without knowing now or the time zone; `resolve-time.ts` resolves them,
 * so a range can resolve its end against its start ("yesterday 22:00 to 02:00" ends the next day).
 */

export type DaySpec =
  | { kind: 'today' }
  | { kind: 'yesterday' }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'date'; date: CalendarDay };

export interface Clock {
  hour: number;
  minute: number;
}

/** A time as written: relative (`now`, `2h ago`), an instant (ISO with `Z` or an offset), or a wall-clock day and/or time. */
export type TimeSpec = { text: string } & (
  | { kind: 'ago'; minutes: number }
  | { kind: 'instant'; ms: number }
  | { kind: 'wall'; day?: DaySpec; clock?: Clock; utc: boolean }
);

export type TimeRead = { ok: true; spec: TimeSpec; next: number } | { ok: false; message: string };

const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})t(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(z|[+-]\d{2}(?::?\d{2})?)?$/;
const CLOCK_GLUED = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(am|pm)?(z)?$/;
const HOUR_GLUED = /^(\d{1,2})(am|pm)(z)?$/;
const MERIDIEM: Record<string, 'am' | 'pm'> = { am: 'am', 'a.m': 'am', pm: 'pm', 'p.m': 'pm' };
const UTC_WORDS = new Set(['utc', 'gmt', 'z']);
const CLOCK_HINT = 'use 24-hour `14:30` or `2:30pm`';

type Read<T> = { ok: true; value: T; next: number } | { ok: false; message: string } | undefined;

/** Reads a time at `tokens[i]`; undefined when the tokens there are not a time at all. */
export function readTime(tokens: readonly string[], i: number): TimeRead | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  const text = (next: number): string => tokens.slice(i, next).join(' ');
  if (t === 'now') return { ok: true, spec: { kind: 'ago', minutes: 0, text: 'now' }, next: i + 1 };
  const ago = readDuration(tokens, i);
  if (ago && tokens[ago.next] === 'ago') {
    return {
      ok: true,
      spec: { kind: 'ago', minutes: ago.duration.minutes, text: text(ago.next + 1) },
      next: ago.next + 1,
    };
  }
  if (ISO_DATE_TIME.test(t)) return readIsoDateTime(t, i);
  const day = readDay(tokens, i);
  if (day && !day.ok) return day;
  if (day) {
    const at = tokens[day.next] === 'at' ? day.next + 1 : day.next;
    const clock = readClock(tokens, at);
    if (clock && !clock.ok) return clock;
    if (clock) {
      const spec = { kind: 'wall', day: day.value, clock: clock.value.clock, utc: clock.value.utc } as const;
      return { ok: true, spec: { ...spec, text: text(clock.next) }, next: clock.next };
    }
    return {
      ok: true,
      spec: { kind: 'wall', day: day.value, utc: false, text: text(day.next) },
      next: day.next,
    };
  }
  const clock = readClock(tokens, i);
  if (clock && !clock.ok) return clock;
  if (!clock) return undefined;
  const on = tokens[clock.next] === 'on' ? clock.next + 1 : clock.next;
  const after = readDay(tokens, on);
  if (after && !after.ok) return after;
  const next = after ? after.next : clock.next;
  const spec = { kind: 'wall', day: after?.value, clock: clock.value.clock, utc: clock.value.utc } as const;
  return { ok: true, spec: { ...spec, text: text(next) }, next };
}

function readIsoDateTime(t: string, i: number): TimeRead {
  const m = ISO_DATE_TIME.exec(t)!;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isRealDay(date)) return { ok: false, message: `\`${t.slice(0, 10)}\` is not a date.` };
  const clock = checkClock(Number(m[4]), Number(m[5]), t);
  if (!clock.ok) return clock;
  if (!m[7])
    return {
      ok: true,
      spec: { kind: 'wall', day: { kind: 'date', date }, clock: clock.value, utc: false, text: t },
      next: i + 1,
    };
  const offset = parseOffset(m[7]);
  if (offset === undefined)
    return { ok: false, message: `\`${m[7]}\` in \`${t}\` is not a UTC offset; use \`Z\` or \`+01:00\`.` };
  const ms = utcMs(date, clock.value.hour, clock.value.minute, Number(m[6] ?? 0)) - offset;
  return { ok: true, spec: { kind: 'instant', ms, text: t }, next: i + 1 };
}

/** Offset in ms for `z`, `+01:00`, `-0530`, `+02`; undefined when impossible. */
function parseOffset(text: string): number | undefined {
  if (text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function readDay(tokens: readonly string[], i: number): Read<DaySpec> {
  const t = tokens[i];
  if (t === 'today') return { ok: true, value: { kind: 'today' }, next: i + 1 };
  if (t === 'yesterday') return { ok: true, value: { kind: 'yesterday' }, next: i + 1 };
  const prefixed = ['last', 'on', 'this'].includes(t ?? '') ? i + 1 : i;
  const weekday = WEEKDAY_NAMES[tokens[prefixed] ?? ''];
  if (weekday !== undefined) return { ok: true, value: { kind: 'weekday', weekday }, next: prefixed + 1 };
  const m = ISO_DATE.exec(t ?? '');
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isRealDay(date))
    return { ok: false, message: `\`${t}\` is not a date; write dates as \`2026-11-27\`.` };
  return { ok: true, value: { kind: 'date', date }, next: i + 1 };
}

function readClock(tokens: readonly string[], i: number): Read<{ clock: Clock; utc: boolean }> {
  const t = tokens[i];
  if (t === undefined) return undefined;
  let hour: number;
  let minute = 0;
  let meridiem: 'am' | 'pm' | undefined;
  let utc = false;
  let next = i + 1;
  const glued = CLOCK_GLUED.exec(t);
  const hourOnly = HOUR_GLUED.exec(t);
  if (t === 'noon' || t === 'midnight') {
    hour = t === 'noon' ? 12 : 0;
  } else if (glued) {
    [hour, minute] = [Number(glued[1]), Number(glued[2])];
    meridiem = glued[4] as 'am' | 'pm' | undefined;
    utc = Boolean(glued[5]);
  } else if (hourOnly) {
    hour = Number(hourOnly[1]);
    meridiem = hourOnly[2] as 'am' | 'pm';
    utc = Boolean(hourOnly[3]);
  } else if (/^\d{1,2}$/.test(t) && MERIDIEM[tokens[i + 1] ?? '']) {
    hour = Number(t);
    meridiem = MERIDIEM[tokens[i + 1]];
    next = i + 2;
  } else {
    return undefined;
  }
  if (!meridiem && glued && MERIDIEM[tokens[next] ?? '']) meridiem = MERIDIEM[tokens[next++]];
  if (!utc && UTC_WORDS.has(tokens[next] ?? '')) [utc, next] = [true, next + 1];
  const written = tokens.slice(i, next).join(' ');
  if (meridiem) {
    if (hour < 1 || hour > 12)
      return { ok: false, message: `\`${written}\` is not a time of day: ${CLOCK_HINT}.` };
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const clock = checkClock(hour, minute, written);
  return clock.ok ? { ok: true, value: { clock: clock.value, utc }, next } : clock;
}

function checkClock(
  hour: number,
  minute: number,
  written: string,
): { ok: true; value: Clock } | { ok: false; message: string } {
  if (hour > 23 || minute > 59)
    return { ok: false, message: `\`${written}\` is not a time of day: ${CLOCK_HINT}.` };
  return { ok: true, value: { hour, minute } };
}
