import { ceilToBucket, currentBucketStart } from '../domain/buckets';
import { MINUTE_MS } from '../domain/time';
import type { IntervalMinutes } from '../domain/catalog-types';
import { MAX_LOOKBACK_DAYS, validateWindow, type StartPolicy, type WindowRequest } from '../domain/window';
import { UsageError } from './usage-error';

/** A query window as typed: `--last 6h`, or `--from ISO [--to ISO]`. */
export type WindowSpec =
  | { kind: 'last'; durationMs: number; intervalMinutes: IntervalMinutes }
  | { kind: 'range'; from: Date; to?: Date; intervalMinutes: IntervalMinutes };

const UNITS: Record<string, number> = {
  m: MINUTE_MS,
  h: 60 * MINUTE_MS,
  d: 1440 * MINUTE_MS,
  w: 10080 * MINUTE_MS,
};

/** `90m`, `6h`, `2d`, `1w` (also `6 hours`, `2days`) to milliseconds; anything else is a UsageError. */
export function parseDuration(text: string, command?: string): number {
  const m = /^(\d+)\s*(m|mins?|minutes?|h|hours?|d|days?|w|weeks?)$/i.exec(text.trim());
  const ms = m ? Number(m[1]) * UNITS[m[2][0].toLowerCase()] : 0;
  if (!ms) throw new UsageError(`--last needs a duration such as 90m, 6h, 2d or 1w; got '${text}'.`, command);
  return ms;
}

const NO_ZONE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/;

/** ISO 8601 date-time for `flag`; a date or time without an offset is read as UTC, never local time. */
export function parseInstant(flag: string, text: string, command?: string): Date {
  const bare = NO_ZONE.exec(text.trim());
  const iso = bare ? `${bare[1]}T${bare[2] ?? '00:00'}Z` : text.trim();
  const ms = /^\d{4}-\d{2}-\d{2}/.test(iso) ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `--${flag} needs an ISO 8601 date and time such as 2024-10-02T10:00Z; got '${text}'.`,
      command,
    );
  }
  return new Date(ms);
}

/** `--interval`: 5, 10, 15 or 30; a number outside them fails with the bot's window message (WindowError). */
export function parseInterval(text: string | undefined, command?: string): IntervalMinutes {
  if (text === undefined) return 15;
  if (!/^\d+$/.test(text.trim())) {
    throw new UsageError(`--interval needs a number of minutes (5, 10, 15 or 30); got '${text}'.`, command);
  }
  const n = Number(text);
  const probe = validateWindow(
    { start: new Date(0), end: new Date(n * MINUTE_MS), intervalMinutes: n },
    { now: 0, startPolicy: 'refuse' },
  );
  if (!probe.ok && probe.error.part === 'interval') throw probe.error;
  return n as IntervalMinutes;
}

/**
 * The window to validate at `now`. `--last` ends at the newest complete bucket; `--from` without `--to` ends there
 * too (or at the end of the start's bucket, if that is later). `--last` up to 30 days trims to Graph's retention with a
 * note; an explicit or longer start beyond it is refused, so a script never silently gets less than it asked for.
 */
export function windowRequest(
  spec: WindowSpec,
  now: number,
): { request: WindowRequest; startPolicy: StartPolicy } {
  const interval = spec.intervalMinutes;
  const lastEnd = currentBucketStart(now, interval);
  if (spec.kind === 'last') {
    const within = spec.durationMs <= MAX_LOOKBACK_DAYS * UNITS.d;
    return {
      request: {
        start: new Date(lastEnd - spec.durationMs),
        end: new Date(lastEnd),
        intervalMinutes: interval,
      },
      startPolicy: within ? 'clamp' : 'refuse',
    };
  }
  const end = spec.to ?? new Date(Math.max(lastEnd, ceilToBucket(spec.from.getTime() + 1, interval)));
  return { request: { start: spec.from, end, intervalMinutes: interval }, startPolicy: 'refuse' };
}
