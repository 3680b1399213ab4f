import { HOUR_MS } from './time';
/*
 * Wall-clock time in an IANA time zone, with Intl only (no tz database of our own). DST follows the "compatible"
 * rule of Temporal and RFC 5545: a time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30),
 * and a time repeated by a fall-back overlap means its first (earlier) occurrence.
 */

/** A calendar day; `month` is 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock reading in some time zone; `weekday` is 0 (Sunday) to 6. */
export interface WallClock extends CalendarDay {
  hour: number;
  minute: number;
  weekday: number;
}

/** Outside this range a Date is invalid and Intl throws. */
const MAX_MS = 8.64e15;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  if (formatters.size > 200) formatters.clear();
  formatters.set(timeZone, f);
  return f;
}

/** The zone itself when Intl knows it (IANA names, `UTC`), otherwise `UTC`. */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (typeof timeZone !== 'string' || !timeZone.trim() || timeZone.length > 64) return 'UTC';
  return formatter(timeZone.trim()) ? timeZone.trim() : 'UTC';
}

/** True when `ms` can be a Date (and so be formatted). */
export function isValidInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_MS;
}

/** Epoch ms of a UTC wall clock, for any year (Date.UTC maps years 0–99 to 1900–1999). */
export function utcMs(day: CalendarDay, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(day.year, day.month - 1, day.day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** `Fri, 11/27/2026, 10:07:30`: en-US with h23, which `format` writes about twice as fast as `formatToParts`. */
const EN_US = /^([A-Z][a-z]{2}), (\d{1,2})\/(\d{1,2})\/(\d+), (\d{2}):(\d{2}):\d{2}$/;

/** What a clock in `timeZone` shows at `ms` (a valid instant; whole minutes). */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const f = formatter(timeZone) ?? formatter('UTC')!;
  const date = new Date(ms);
  const m = EN_US.exec(f.format(date));
  if (m) {
    return {
      year: Number(m[4]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[5]),
      minute: Number(m[6]),
      weekday: WEEKDAYS[m[1]] ?? 0,
    };
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** Offset of `timeZone` from UTC at `ms`, in milliseconds (Berlin in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 60_000) * 60_000;
  const w = wallClockAt(whole, timeZone);
  return utcMs(w, w.hour, w.minute) - whole;
}

/** The instant a clock in `timeZone` shows `day` at `hour:minute`, with the DST rule above. */
export function zonedToInstant(day: CalendarDay, hour: number, minute: number, timeZone: string): number {
  const asUtc = utcMs(day, hour, minute);
  const before = offsetAt(asUtc - 24 * HOUR_MS, timeZone);
  const after = offsetAt(asUtc + 24 * HOUR_MS, timeZone);
  if (before === after) return asUtc - before; // no offset change within a day either side
  const fits = (offset: number): boolean => offsetAt(asUtc - offset, timeZone) === offset;
  const valid = [before, after].filter(fits).map((o) => asUtc - o);
  if (valid.length) return Math.min(...valid);
  return asUtc - before;
}

/** The calendar day `n` days after `day` (negative goes back). */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  const d = new Date(utcMs(day) + n * 24 * HOUR_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when the numbers form a real date (no 30 February). */
export function isRealDay(day: CalendarDay): boolean {
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > 31) return false;
  return addDays(day, 0).day === day.day;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-27 08:00` as a clock in `timeZone` shows it. */
export function formatWallClock(ms: number, timeZone: string): string {
  if (!isValidInstant(ms)) return 'an impossible time';
  const w = wallClockAt(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** `08:00` as a clock in `timeZone` shows it. */
export function formatClock(ms: number, timeZone: string): string {
  return formatWallClock(ms, timeZone).slice(11);
}
