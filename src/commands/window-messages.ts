import { DAY_MS } from '../domain/time';
import { MAX_LOOKBACK_DAYS } from '../domain/window';
import { fail, type ParseContext, type ParseResult } from './command-types';
import type { WindowSpec } from './clause-types';
import type { TimeSpec } from './read-time';
import { formatWallClock, isValidInstant, wallClockAt } from '../domain/zoned-time';

/* What `show` says about windows: labels for cards, and the errors for future and too-old times. */

/** Writes a whole `show` command with some clauses replaced, for suggestions and examples. */
export type CommandWriter = (parts: {
  window?: string;
  interval?: string | null;
  compare?: string | null;
}) => string;

/** `show` asked for a time that has not happened yet. */
export function inFuture(
  spec: TimeSpec,
  ms: number,
  zone: string,
  ctx: ParseContext,
  example: string,
): ParseResult {
  return fail(
    'future',
    `\`${spec.text}\` (${describe(ms, zone)}) is in the future; it is ${formatWallClock(ctx.now, zone)} now. ` +
      `Example: \`${example}\`.`,
    { suggestion: example, example },
  );
}

/** `show` reaches further back than the 30 days Graph keeps (23 with `vs last week`). */
export function tooOld(
  spec: WindowSpec,
  startMs: number,
  minStart: number,
  zone: string,
  ctx: ParseContext,
  compare: boolean,
  write: CommandWriter,
): ParseResult {
  const example = write({
    window: compare ? `last ${MAX_LOOKBACK_DAYS - 7}d` : `last ${MAX_LOOKBACK_DAYS}d`,
  });
  const days = isValidInstant(startMs) ? Math.round((ctx.now - startMs) / DAY_MS) : undefined;
  const when = days === undefined ? 'starts too long ago' : `starts ${days} days ago`;
  const keeps = compare
    ? `Graph keeps ${MAX_LOOKBACK_DAYS} days of data and \`vs last week\` reaches 7 days further back`
    : `Graph keeps ${MAX_LOOKBACK_DAYS} days of data`;
  const earliest = Number.isFinite(minStart) ? ` The earliest start now is ${describe(minStart, zone)}.` : '';
  return fail('too-old', `\`${spec.text}\` ${when}, but ${keeps}.${earliest} Example: \`${example}\`.`, {
    suggestion: example,
    example,
  });
}

/** The label of a whole-day window: `today (UTC)`, `Monday 2026-11-23 (Europe/Berlin)`. */
export function dayLabel(day: TimeSpec, startMs: number, zone: string): string {
  if (day.kind !== 'wall' || !day.day) return `since ${formatWallClock(startMs, zone)} ${zoneLabel(zone)}`;
  const date = formatWallClock(startMs, zone).slice(0, 10);
  switch (day.day.kind) {
    case 'today':
      return `today (${zoneLabel(zone)})`;
    case 'yesterday':
      return `yesterday (${zoneLabel(zone)})`;
    case 'weekday':
      return `${WEEKDAY_NAMES[wallClockAt(startMs, zone).weekday]} ${date} (${zoneLabel(zone)})`;
    case 'date':
      return `${date} (${zoneLabel(zone)})`;
  }
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `2026-11-27 08:00 Europe/Berlin`: an instant as a clock in `zone` shows it. */
export function describe(ms: number, zone: string): string {
  return `${formatWallClock(ms, zone)} ${zoneLabel(zone)}`;
}

/** `UTC`, or the IANA name as the user's client reported it. */
export function zoneLabel(zone: string): string {
  return zone === 'UTC' ? 'UTC' : zone;
}
