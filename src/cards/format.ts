import type { MetricUnit } from '../domain/catalog-types';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Counts for people: 950, 1.2K, 190.6K, 3.4M; fractions below 1,000 (averages) keep one decimal. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1000) return compact.format(n);
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

/** A percentage to one decimal with a thin separation: `99.9 %`. */
export function formatPercent(n: number): string {
  return Number.isFinite(n) ? `${oneDecimal.format(n)} %` : '–';
}

/** A metric value in its catalog unit. */
export function formatValue(n: number, unit: MetricUnit): string {
  return unit === 'percent' ? formatPercent(n) : formatCount(n);
}

/** Signed relative change: `▲ 12.3 %`, `▼ 60.0 %`, `± 0.0 %` when it rounds to zero. */
export function formatChange(pct: number): string {
  return signed(pct, '%');
}

/** Signed difference of two percentages in percentage points: `▼ 0.4 pt`. */
export function formatPointChange(points: number): string {
  return signed(points, 'pt');
}

function signed(n: number, suffix: string): string {
  if (!Number.isFinite(n)) return '–';
  const rounded = Math.round(Math.abs(n) * 10) / 10;
  const arrow = rounded === 0 ? '±' : n > 0 ? '▲' : '▼';
  return `${arrow} ${oneDecimal.format(rounded)} ${suffix}`;
}

/** The zone when Intl knows it, else UTC: a bad zone from a client must not break a card. */
export function safeTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  let known = checkedZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    if (checkedZones.size < 1_000) checkedZones.set(timeZone, known);
  }
  return known ? timeZone : 'UTC';
}

/** Zones already checked: building an Intl.DateTimeFormat per call is costly, and every card checks its zone. */
const checkedZones = new Map<string, boolean>();

interface LocalParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(ms: number, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(ms)) parts[p.type] = p.value;
  return parts as unknown as LocalParts;
}

const dayKey = (p: LocalParts) => `${p.year}-${p.month}-${p.day}`;

/** `14:15` in the zone. */
export function formatClock(at: Date | number, timeZone: string): string {
  const p = localParts(+at, safeTimeZone(timeZone));
  return `${p.hour}:${p.minute}`;
}

/** `14:15` when `at` is on `now`'s local day, `Thu 14:15` within 6 days, else `26 Nov 14:15`. */
export function formatLocalTime(at: Date | number, now: Date | number, timeZone: string): string {
  const tz = safeTimeZone(timeZone);
  const p = localParts(+at, tz);
  const days = Math.abs(+now - +at) / 86_400_000;
  if (dayKey(p) === dayKey(localParts(+now, tz))) return `${p.hour}:${p.minute}`;
  if (days < 6) return `${p.weekday} ${p.hour}:${p.minute}`;
  return `${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** `just now`, `5 min ago`, `2 h 5 min ago`, `3 days ago`; `in 5 min` for a future time. */
export function formatRelative(at: Date | number, now: Date | number): string {
  const diff = +now - +at;
  const future = diff < 0;
  const mins = Math.round(Math.abs(diff) / 60_000);
  if (mins === 0) return future ? 'in under a minute' : 'just now';
  let span: string;
  if (mins < 60) span = `${mins} min`;
  else if (mins < 600) span = `${Math.floor(mins / 60)} h${mins % 60 ? ` ${mins % 60} min` : ''}`;
  else if (mins < 2880) span = `${Math.round(mins / 60)} h`;
  else span = `${Math.round(mins / 1440)} days`;
  return future ? `in ${span}` : `${span} ago`;
}

/** `data as of 14:15, 5 min ago` in the user's zone. */
export function formatDataAge(asOf: Date | number, now: Date | number, timeZone: string): string {
  return `data as of ${formatLocalTime(asOf, now, timeZone)}, ${formatRelative(asOf, now)}`;
}

/**
 * A labeller for chart x values over a window of `spanMs`: `14:15` up to a day, `Thu 14:15` up to 6 days,
 * `26 Nov 14:15` beyond; labels stay unique inside the window, which a category axis needs.
 */
export function axisLabeller(spanMs: number, timeZone: string): (at: number) => string {
  const tz = safeTimeZone(timeZone);
  return (at) => {
    const p = localParts(at, tz);
    if (spanMs <= 86_400_000) return `${p.hour}:${p.minute}`;
    if (spanMs <= 6 * 86_400_000) return `${p.weekday} ${p.hour}:${p.minute}`;
    return `${p.day} ${p.month} ${p.hour}:${p.minute}`;
  };
}

/** `45 min`, `2 h 5 min`, `3 days`, `under a minute`: how long something lasted. */
export function spanText(ms: number): string {
  const mins = Math.floor(Math.max(0, ms) / 60_000);
  if (mins < 1) return 'under a minute';
  if (mins < 60) return `${mins} min`;
  if (mins < 2880) return `${Math.floor(mins / 60)} h${mins % 60 ? ` ${mins % 60} min` : ''}`;
  return `${Math.floor(mins / 1440)} days`;
}
