import { addDays, resolveTimeZone, wallClockAt, zonedToInstant } from '../domain/zoned-time';
import { formatClockTime, minuteOfDay, parseClockTime, type ClockTime } from '../domain/time';

/** A daily quiet window in an IANA zone; `start` after `end` wraps midnight (`22:00-07:00`). */
export interface QuietHours {
  start: ClockTime;
  end: ClockTime;
  timeZone: string;
}

export type QuietHoursResult = { ok: true; quiet: QuietHours } | { ok: false; error: string };

/** Reads `22:00-07:00` (also `22:00 - 07:00`, `22:00–07:00`) for a zone Intl knows; unknown zones are an error. */
export function parseQuietHours(text: string, timeZone: string): QuietHoursResult {
  const [from, to, ...rest] = text.split(/\s*[-–]\s*/);
  const start = parseClockTime(from ?? '');
  const end = parseClockTime(to ?? '');
  if (!start || !end || rest.length)
    return { ok: false, error: `Quiet hours look like \`22:00-07:00\` (24-hour clock), got \`${text}\`.` };
  if (minuteOfDay(start) === minuteOfDay(end))
    return { ok: false, error: 'Quiet hours must start and end at different times.' };
  if (resolveTimeZone(timeZone) !== timeZone.trim())
    return {
      ok: false,
      error: `Unknown time zone \`${timeZone}\`; use an IANA name such as \`Europe/Berlin\`.`,
    };
  return { ok: true, quiet: { start, end, timeZone: timeZone.trim() } };
}

/**
 * True when the zone's wall clock at `now` (epoch ms) is inside the window, start inclusive, end exclusive. Judged
 * on the wall clock, so it follows DST: `22:00-07:00` in Berlin is 21:00–06:00 UTC in winter, 20:00–05:00 in summer.
 */
export function isQuietAt(quiet: QuietHours, now: number): boolean {
  const w = wallClockAt(now, quiet.timeZone);
  const m = w.hour * 60 + w.minute;
  const s = minuteOfDay(quiet.start);
  const e = minuteOfDay(quiet.end);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/**
 * When the quiet window that contains `now` ends (epoch ms), or undefined outside quiet hours. An end time skipped
 * by a spring-forward gap moves forward by the gap (03:30 for 02:30), as the rest of the bot does.
 */
export function quietEndsAt(quiet: QuietHours, now: number): number | undefined {
  if (!isQuietAt(quiet, now)) return undefined;
  const w = wallClockAt(now, quiet.timeZone);
  const m = w.hour * 60 + w.minute;
  const wrapsToday = minuteOfDay(quiet.start) > minuteOfDay(quiet.end) && m >= minuteOfDay(quiet.start);
  let day = wrapsToday ? addDays(w, 1) : { year: w.year, month: w.month, day: w.day };
  let end = zonedToInstant(day, quiet.end.hour, quiet.end.minute, quiet.timeZone);
  while (end <= now) {
    day = addDays(day, 1);
    end = zonedToInstant(day, quiet.end.hour, quiet.end.minute, quiet.timeZone);
  }
  return end;
}

/** `22:00-07:00 Europe/Berlin`. */
export function formatQuietHours(quiet: QuietHours): string {
  return `${formatClockTime(quiet.start)}-${formatClockTime(quiet.end)} ${quiet.timeZone}`;
}
