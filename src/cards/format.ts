import type { MetricUnit } from '../domain/catalog-types';

/** The locale when Intl supports it (canonical form: `de-de` becomes `de-DE`), else `en-US`, the bot's default. */
export function safeLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  let known = checkedLocales.get(locale);
  if (known === undefined) {
    try {
      known = Intl.NumberFormat.supportedLocalesOf(Intl.getCanonicalLocales(locale))[0] ?? DEFAULT_LOCALE;
    } catch {
      known = DEFAULT_LOCALE;
    }
    if (checkedLocales.size < 1_000) checkedLocales.set(locale, known);
  }
  return known;
}

/** The locale cards use when the client sent none (and stored subscriptions that predate locales). */
export const DEFAULT_LOCALE = 'en-US';

const checkedLocales = new Map<string, string>();

/** One Intl formatter per locale and style: building one costs far more than using it. */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    if (cache.size >= 1_000) cache.clear();
    cache.set(key, f);
  }
  return f;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: string,
  style: 'compact' | 'one' | 'upToOne' | 'percent' | 'percentUpToOne',
): Intl.NumberFormat {
  const l = safeLocale(locale);
  return cached(numberFormats, `${l}|${style}`, () => {
    switch (style) {
      case 'compact':
        return new Intl.NumberFormat(l, { notation: 'compact', maximumFractionDigits: 1 });
      case 'one':
        return new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      case 'upToOne':
        return new Intl.NumberFormat(l, { maximumFractionDigits: 1 });
      case 'percentUpToOne':
        return new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 });
      case 'percent':
        return new Intl.NumberFormat(l, {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        });
    }
  });
}

/** Counts for people in their locale: 950, 1.2K, 190.6K, 3.4M (en-US); fractions below 1,000 keep one decimal. */
export function formatCount(n: number, locale: string): string {
  if (!Number.isFinite(n)) return '–';
  return numberFormat(locale, Math.abs(n) >= 1000 ? 'compact' : 'upToOne').format(n);
}

/** A percentage to one decimal in the locale's form: `99.9%` (en-US), `99,9 %` (de-DE). */
export function formatPercent(n: number, locale: string): string {
  return Number.isFinite(n) ? numberFormat(locale, 'percent').format(n / 100) : '–';
}

/** A rule's percentage as typed, up to one decimal: `50%` (en-US), `50 %` (de-DE), `12.5%`. */
export function formatRulePercent(n: number, locale: string): string {
  return Number.isFinite(n) ? numberFormat(locale, 'percentUpToOne').format(n / 100) : '–';
}

/** A metric value in its catalog unit. */
export function formatValue(n: number, unit: MetricUnit, locale: string): string {
  return unit === 'percent' ? formatPercent(n, locale) : formatCount(n, locale);
}

/** Signed relative change: `▲ 12.3%`, `▼ 60.0%`, `± 0.0%` when it rounds to zero (en-US). */
export function formatChange(pct: number, locale: string): string {
  return signed(pct, (r) => formatPercent(r, locale));
}

/** Signed difference of two percentages in percentage points: `▼ 0.4 pt`. */
export function formatPointChange(points: number, locale: string): string {
  return signed(points, (r) => `${numberFormat(locale, 'one').format(r)} pt`);
}

function signed(n: number, format: (rounded: number) => string): string {
  if (!Number.isFinite(n)) return '–';
  const rounded = Math.round(Math.abs(n) * 10) / 10;
  const arrow = rounded === 0 ? '±' : n > 0 ? '▲' : '▼';
  return `${arrow} ${format(rounded)}`;
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

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-26` in the zone: which local day an instant falls on. */
function localDay(ms: number, timeZone: string): string {
  return cached(
    dayFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(ms);
}

type Shape = 'time' | 'weekday' | 'date';

const SHAPES: Record<Shape, Intl.DateTimeFormatOptions> = {
  time: { hour: 'numeric', minute: '2-digit' },
  weekday: { weekday: 'short', hour: 'numeric', minute: '2-digit' },
  date: { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A time in the locale's form and the zone: `2:15 PM` (en-US), `14:15` (en-GB, de-DE, ja-JP), with a weekday or date. */
function localTime(ms: number, timeZone: string, locale: string, shape: Shape): string {
  const l = safeLocale(locale);
  return cached(
    dateFormats,
    `${l}|${timeZone}|${shape}`,
    () => new Intl.DateTimeFormat(l, { timeZone, ...SHAPES[shape], ...(twentyFourHour(l) ? TWO_DIGIT : {}) }),
  )
    .format(ms)
    .replace(NARROW_SPACE, ' ');
}

const TWO_DIGIT: Intl.DateTimeFormatOptions = { hour: '2-digit' };

/** A 24-hour locale writes `09:20` (a 12-hour one `9:20 AM`). */
function twentyFourHour(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24';
}

/** Newer ICU puts U+202F before AM/PM; a plain space keeps card text the same on every Node version. */
const NARROW_SPACE = /\u202f/g;

/** The time of day in the zone and locale: `2:15 PM` (en-US), `14:15` (en-GB). */
export function formatClock(at: Date | number, timeZone: string, locale: string): string {
  return localTime(+at, safeTimeZone(timeZone), locale, 'time');
}

/**
 * The time alone when `at` is on `now`'s local day, with the weekday within 6 days, else with the date: en-GB
 * `14:15`, `Thu 14:15`, `26 Nov, 14:15`; en-US `2:15 PM`, `Thu 2:15 PM`, `Nov 26, 2:15 PM`.
 */
export function formatLocalTime(
  at: Date | number,
  now: Date | number,
  timeZone: string,
  locale: string,
): string {
  const tz = safeTimeZone(timeZone);
  const days = Math.abs(+now - +at) / 86_400_000;
  if (localDay(+at, tz) === localDay(+now, tz)) return localTime(+at, tz, locale, 'time');
  return localTime(+at, tz, locale, days < 6 ? 'weekday' : 'date');
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

/** `data as of 14:15, 5 min ago` in the user's zone and locale. */
export function formatDataAge(
  asOf: Date | number,
  now: Date | number,
  timeZone: string,
  locale: string,
): string {
  return `data as of ${formatLocalTime(asOf, now, timeZone, locale)}, ${formatRelative(asOf, now)}`;
}

/**
 * A labeller for chart x values over a window of `spanMs`, in the locale: the time up to a day, with the weekday up
 * to 6 days, with the date beyond; labels stay unique inside the window, which a category axis needs.
 */
export function axisLabeller(spanMs: number, timeZone: string, locale: string): (at: number) => string {
  const tz = safeTimeZone(timeZone);
  const shape: Shape = spanMs <= 86_400_000 ? 'time' : spanMs <= 6 * 86_400_000 ? 'weekday' : 'date';
  return (at) => localTime(at, tz, locale, shape);
}

/** `45 min`, `2 h 5 min`, `3 days`, `under a minute`: how long something lasted. */
export function spanText(ms: number): string {
  const mins = Math.floor(Math.max(0, ms) / 60_000);
  if (mins < 1) return 'under a minute';
  if (mins < 60) return `${mins} min`;
  if (mins < 2880) return `${Math.floor(mins / 60)} h${mins % 60 ? ` ${mins % 60} min` : ''}`;
  return `${Math.floor(mins / 1440)} days`;
}
