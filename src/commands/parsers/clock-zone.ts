import { parseClockTime, type ClockTime } from '../../domain/time';

const AM_PM = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/;
const ZONE_FILLERS = new Set(['in', 'tz', 'time', 'zone', 'timezone', 'at']);

/** A time of day at `tokens[i]`: `22:00`, `7:30`, `0700`, `22`, `10pm`, `10 pm`, `noon`, `midnight`. */
export function readClock(
  tokens: readonly string[],
  i: number,
): { time: ClockTime; next: number } | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  if (t === 'noon') return { time: { hour: 12, minute: 0 }, next: i + 1 };
  if (t === 'midnight') return { time: { hour: 0, minute: 0 }, next: i + 1 };
  const suffix = tokens[i + 1] === 'am' || tokens[i + 1] === 'pm' ? tokens[i + 1] : '';
  const ampm = AM_PM.exec(t + suffix);
  if (ampm) {
    const h = Number(ampm[1]);
    const minute = Number(ampm[2] ?? 0);
    if (h < 1 || h > 12 || minute > 59) return undefined;
    const hour = (h % 12) + (ampm[3] === 'pm' ? 12 : 0);
    return { time: { hour, minute }, next: i + (suffix ? 2 : 1) };
  }
  if (/^\d{1,2}$/.test(t) && Number(t) <= 23) return { time: { hour: Number(t), minute: 0 }, next: i + 1 };
  const time = parseClockTime(t);
  return time ? { time, next: i + 1 } : undefined;
}

/**
 * The IANA zone written in `words` (any case, `in`/`tz` fillers ignored), canonical as Intl spells it; the user's own
 * zone (`fallback`) when nothing is written. `{ unknown }` when the words are not a zone Intl knows.
 */
export function readTimeZone(
  words: readonly string[],
  fallback: string,
): { zone: string } | { unknown: string } {
  const rest = words.filter((w) => !ZONE_FILLERS.has(w));
  if (!rest.length) return { zone: fallback };
  const typed = rest.join('_');
  if (typed.toLowerCase() === fallback.toLowerCase()) return { zone: fallback };
  try {
    return { zone: new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone };
  } catch {
    return { unknown: rest.join(' ') };
  }
}
