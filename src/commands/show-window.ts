import { INTERVALS, type IntervalMinutes } from '../domain/catalog-types';
import { ceilToBucket, currentBucketStart, floorToBucket, intervalMs } from '../domain/buckets';
import { DAY_MS, MINUTE_MS, WEEK_MS } from '../domain/time';
import { earliestStart, LOOKBACK_SAFETY_MS, MAX_LOOKBACK_DAYS } from '../domain/window';
import { fail, type ParseContext, type ParseResult } from './command-types';
import { resolveTime } from './resolve-time';
import type { ShowArgs, WindowSpec } from './show-args';
import { dayLabel, describe, inFuture, tooOld, zoneLabel, type CommandWriter } from './window-messages';
import { formatClock, formatWallClock, isValidInstant } from '../domain/zoned-time';

export type { CommandWriter } from './window-messages';

/** `show` without a window: the last 6 hours. */
export const DEFAULT_WINDOW: WindowSpec = { kind: 'last', minutes: 360, label: '6 hours', text: 'last 6h' };

/** A window ready for Graph: aligned bounds, an allowed interval, and a label for the card. */
export interface ShowWindow {
  start: Date;
  end: Date;
  intervalMinutes: IntervalMinutes;
  label: string;
}

/**
 * The interval when none is given: 5 minutes up to 6 hours (at most 72 buckets), 15 minutes up to 3 days
 * (at most 288), 30 minutes beyond (at most 1,440 over 30 days). Charts stay readable and Graph answers stay small.
 */
export function defaultInterval(windowMs: number): IntervalMinutes {
  return windowMs <= 6 * 60 * MINUTE_MS ? 5 : windowMs <= 3 * DAY_MS ? 15 : 30;
}

function isInterval(n: number): n is IntervalMinutes {
  return (INTERVALS as readonly number[]).includes(n);
}

/**
 * Resolves the window of a `show`: the bucket still in progress is left out (the end is at most its start), the
 * start is at most 30 days back (Graph's limit; 23 with `vs last week`, whose baseline is 7 days earlier), and every
 * impossible request is an error naming its part, with a working command.
 */
export function resolveShowWindow(
  args: ShowArgs,
  ctx: ParseContext,
  write: CommandWriter,
): { ok: true; window: ShowWindow } | { ok: false; result: ParseResult } {
  const refuse = (result: ParseResult): { ok: false; result: ParseResult } => ({ ok: false, result });
  if (args.interval && !isInterval(args.interval.minutes)) {
    const nearest = nearestInterval(args.interval.minutes);
    const fixed = write({ interval: `every ${nearest} min` });
    return refuse(
      fail(
        'bad-interval',
        `Graph adds data up in 5, 10, 15 or 30 minute buckets, so \`${args.interval.text}\` cannot be used. ` +
          `Example: \`${fixed}\`.`,
        { suggestion: fixed, example: fixed },
      ),
    );
  }
  const compareMs = args.compare ? WEEK_MS : 0;
  const spec = args.window ?? DEFAULT_WINDOW;
  if (spec.kind === 'last') return lastWindow(spec, args, ctx, write, compareMs);
  const raw = absoluteWindow(spec, ctx, write);
  if (!raw.ok) return refuse(raw.result);
  const interval = args.interval
    ? (args.interval.minutes as IntervalMinutes)
    : defaultInterval(raw.end - raw.start);
  const minStart = earliestStart(ctx.now, interval) + compareMs;
  let start = floorToBucket(raw.start, interval);
  const end = Math.min(ceilToBucket(raw.end, interval), currentBucketStart(ctx.now, interval));
  if (start < minStart) {
    if (minStart - start > intervalMs(interval) + LOOKBACK_SAFETY_MS) {
      return refuse(tooOld(spec, raw.start, minStart, raw.zone, ctx, args.compare !== undefined, write));
    }
    start = minStart;
  }
  if (start >= end) {
    const newest = formatClock(currentBucketStart(ctx.now, interval), raw.zone);
    const example = write({ window: 'last 1h', interval: null });
    return refuse(
      fail(
        'empty-window',
        `No ${interval}-minute bucket has ended within \`${spec.text}\` yet (the newest ended at ${newest} ` +
          `${zoneLabel(raw.zone)}). Example: \`${example}\`.`,
        { suggestion: example, example },
      ),
    );
  }
  return {
    ok: true,
    window: {
      start: new Date(start),
      end: new Date(end),
      intervalMinutes: interval,
      label: raw.label(start, end),
    },
  };
}

function nearestInterval(minutes: number): IntervalMinutes {
  return [...INTERVALS].sort((a, b) => Math.abs(a - minutes) - Math.abs(b - minutes) || b - a)[0];
}

function lastWindow(
  spec: WindowSpec & { kind: 'last' },
  args: ShowArgs,
  ctx: ParseContext,
  write: CommandWriter,
  compareMs: number,
): { ok: true; window: ShowWindow } | { ok: false; result: ParseResult } {
  const lengthMs = spec.minutes * MINUTE_MS;
  if (spec.minutes < 1) {
    const example = write({ window: 'last 6h' });
    return {
      ok: false,
      result: fail('bad-duration', `\`${spec.text}\` is an empty window. Example: \`${example}\`.`, {
        suggestion: example,
        example,
      }),
    };
  }
  if (lengthMs > MAX_LOOKBACK_DAYS * DAY_MS - compareMs) {
    const longest = compareMs ? `last ${MAX_LOOKBACK_DAYS - 7}d` : `last ${MAX_LOOKBACK_DAYS}d`;
    const example = write({ window: longest });
    const why = compareMs
      ? `Comparing with last week needs the 7 days before the window too, and Graph keeps ${MAX_LOOKBACK_DAYS} days`
      : `Graph keeps ${MAX_LOOKBACK_DAYS} days`;
    return {
      ok: false,
      result: fail('too-old', `${why}: \`${example}\` is the longest, not \`${spec.text}\`.`, {
        suggestion: example,
        example,
      }),
    };
  }
  const interval = args.interval ? (args.interval.minutes as IntervalMinutes) : defaultInterval(lengthMs);
  const size = intervalMs(interval);
  const end = currentBucketStart(ctx.now, interval);
  const start = Math.max(
    floorToBucket(end - Math.max(lengthMs, size), interval),
    earliestStart(ctx.now, interval) + compareMs,
  );
  const label = lengthMs < size ? `last ${interval} minutes` : `last ${spec.label}`;
  return {
    ok: true,
    window: { start: new Date(start), end: new Date(end), intervalMinutes: interval, label },
  };
}

interface RawWindow {
  ok: true;
  start: number;
  end: number;
  zone: string;
  label: (start: number, end: number) => string;
}

/** Since, range and whole-day windows as instants, before alignment; errors for future and reversed times. */
function absoluteWindow(
  spec: Exclude<WindowSpec, { kind: 'last' }>,
  ctx: ParseContext,
  write: CommandWriter,
): RawWindow | { ok: false; result: ParseResult } {
  const fromSpec = spec.kind === 'day' ? spec.day : spec.from;
  const from = resolveTime(fromSpec, ctx, 'start');
  const zone = from.zone;
  if (!isValidInstant(from.ms))
    return { ok: false, result: tooOld(spec, from.ms, NaN, zone, ctx, false, write) };
  if (from.ms > ctx.now)
    return { ok: false, result: inFuture(fromSpec, from.ms, zone, ctx, write({ window: 'last 6h' })) };
  if (spec.kind === 'since') {
    return {
      ok: true,
      start: from.ms,
      end: ctx.now,
      zone,
      label: (s) => `since ${formatWallClock(s, zone)} ${zoneLabel(zone)}`,
    };
  }
  if (spec.kind === 'day') {
    const end = resolveTime(spec.day, ctx, 'end').ms;
    return { ok: true, start: from.ms, end, zone, label: () => dayLabel(spec.day, from.ms, zone) };
  }
  const to = resolveTime(spec.to, ctx, 'end', from.ms);
  if (!isValidInstant(to.ms) || to.ms <= from.ms) {
    const swapped = write({
      window: to.ms === from.ms ? `since ${spec.from.text}` : `${spec.to.text} to ${spec.from.text}`,
    });
    return {
      ok: false,
      result: fail(
        'end-before-start',
        `The end \`${spec.to.text}\` (${describe(to.ms, to.zone)}) is not after the start \`${spec.from.text}\` ` +
          `(${describe(from.ms, zone)}). Example: \`${swapped}\`.`,
        { suggestion: swapped, example: swapped },
      ),
    };
  }
  if (to.ms > ctx.now) {
    return {
      ok: false,
      result: inFuture(spec.to, to.ms, to.zone, ctx, write({ window: `since ${spec.from.text}` })),
    };
  }
  return {
    ok: true,
    start: from.ms,
    end: to.ms,
    zone,
    label: (s, e) => {
      const [a, b] = [formatWallClock(s, zone), formatWallClock(e, zone)];
      return `${a} to ${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b} ${zoneLabel(zone)}`;
    },
  };
}
