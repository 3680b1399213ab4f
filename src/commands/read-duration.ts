/** A length of time as the user wrote it: `90m`, `6h`, `2 days`, `1w`, `last week`, `an hour`. */
export interface Duration {
  minutes: number;
  /** For window labels: "6 hours", "90 minutes", "7 days", "hour". */
  label: string;
}

interface Unit {
  minutes: number;
  singular: string;
}

const MINUTE: Unit = { minutes: 1, singular: 'minute' };
const HOUR: Unit = { minutes: 60, singular: 'hour' };
const DAY: Unit = { minutes: 1440, singular: 'day' };
/** Weeks and months are shown as days so "last week" (a length) cannot be read as "vs last week" (a comparison). */
const WEEK: Unit = { minutes: 7 * 1440, singular: 'day' };
const MONTH: Unit = { minutes: 30 * 1440, singular: 'day' };

const UNITS: ReadonlyMap<string, Unit> = new Map([
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((w) => [w, MINUTE] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((w) => [w, HOUR] as const),
  ...['d', 'day', 'days'].map((w) => [w, DAY] as const),
  ...['w', 'wk', 'wks', 'week', 'weeks'].map((w) => [w, WEEK] as const),
  ...['mo', 'month', 'months'].map((w) => [w, MONTH] as const),
]);
/** Words that may stand alone after `last`/`past`: `last hour`, `last week`. */
const BARE_UNITS = new Set(['minute', 'hour', 'day', 'week', 'month']);
const ONE = new Set(['a', 'an', 'one']);
const NUMBER_UNIT = /^(\d{1,9}(?:\.\d{1,3})?)([a-z]+)$/;
const NUMBER = /^\d{1,9}(?:\.\d{1,3})?$/;

export interface DurationRead {
  duration: Duration;
  /** Index of the first token after the duration. */
  next: number;
}

/**
 * Reads a duration at `tokens[i]`, or returns undefined when there is none. `bareUnit` also accepts a unit on
 * its own (`hour` after `last`). Decimals are allowed (`1.5h` = 90 minutes).
 */
export function readDuration(
  tokens: readonly string[],
  i: number,
  bareUnit = false,
): DurationRead | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  const glued = NUMBER_UNIT.exec(t);
  if (glued && UNITS.has(glued[2])) return at(Number(glued[1]), UNITS.get(glued[2])!, i + 1);
  const unit = UNITS.get(tokens[i + 1] ?? '');
  if (unit && NUMBER.test(t)) return at(Number(t), unit, i + 2);
  if (unit && ONE.has(t)) return at(1, unit, i + 2);
  if (bareUnit && BARE_UNITS.has(t)) return at(1, UNITS.get(t)!, i + 1);
  return undefined;
}

function at(count: number, unit: Unit, next: number): DurationRead {
  return { duration: makeDuration(count, unit), next };
}

function makeDuration(count: number, unit: Unit): Duration {
  const minutes = Math.round(count * unit.minutes);
  const asWritten = Number.isInteger(count) && (unit.singular !== 'day' || unit === DAY);
  return { minutes, label: asWritten ? plural(count, unit.singular) : durationLabel(minutes) };
}

function plural(n: number, singular: string): string {
  return n === 1 ? singular : `${n} ${singular}s`;
}

/** Minutes in the largest whole unit: "6 hours", "90 minutes", "2 days", "hour". */
export function durationLabel(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}
