import { INTERVALS, type IntervalMinutes } from './catalog-types';
import { ceilToBucket, currentBucketStart, floorToBucket, intervalMs } from './buckets';
import { MINUTE_MS } from './time';

/** A request window: inclusive start, exclusive end, bucket size. Dates must be whole seconds (UTC). */
export interface MetricWindow {
  start: Date;
  end: Date;
  intervalMinutes: IntervalMinutes;
}

/** Graph refuses starts more than 30 days back ("The earliest start time allowed is 30 days in the past"). */
export const MAX_LOOKBACK_DAYS = 30;
/** Kept between our check and Graph's, so a clamped start is still inside 30 days when the request lands. */
export const LOOKBACK_SAFETY_MS = MINUTE_MS;

/** What to do with a start older than 30 days: move it forward with a note, or refuse with an error. */
export type StartPolicy = 'clamp' | 'refuse';

/** A window as a user or caller asked for it, before validation. */
export interface WindowRequest {
  start: Date;
  end: Date;
  intervalMinutes: number;
}

export interface WindowOptions {
  now: number;
  startPolicy: StartPolicy;
}

/** A window safe to send: allowed interval, aligned bounds, inside 30 days, not in the future. */
export interface NormalisedWindow extends MetricWindow {
  /** User-facing notes on what was changed (alignment, clamping); empty when nothing was. */
  notes: string[];
}

export type WindowPart = 'interval' | 'start' | 'end';

/** A window Graph would reject or answer misleadingly; the message names the part and shows a correct example. */
export class WindowError extends Error {
  readonly kind = 'InvalidWindow';
  constructor(
    readonly part: WindowPart,
    message: string,
    readonly example: string,
  ) {
    super(`${message} Example: ${example}.`);
    this.name = 'WindowError';
  }
}

export type WindowResult = { ok: true; window: NormalisedWindow } | { ok: false; error: WindowError };

/** `2024-10-02 10:30 UTC`, the form shown in cards. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2024-10-02 10:30:05 UTC`, for retry times. */
export function formatUtcSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function exampleWindow(now: number, interval: number): string {
  const end = currentBucketStart(now, interval);
  return `start ${formatUtc(end - 60 * MINUTE_MS)}, end ${formatUtc(end)}, interval ${interval} minutes`;
}

function isInterval(n: number): n is IntervalMinutes {
  return (INTERVALS as readonly number[]).includes(n);
}

/** Earliest start this code will send at `now` (30 days minus the safety margin, aligned up). */
export function earliestStart(now: number, intervalMinutes: IntervalMinutes): number {
  return ceilToBucket(now - MAX_LOOKBACK_DAYS * 24 * 60 * MINUTE_MS + LOOKBACK_SAFETY_MS, intervalMinutes);
}

/** Pure check and normalisation of a window before any call; never throws. */
export function validateWindow(req: WindowRequest, opts: WindowOptions): WindowResult {
  const { now } = opts;
  const fail = (part: WindowPart, message: string, example: string): WindowResult => ({
    ok: false,
    error: new WindowError(part, message, example),
  });
  if (!isInterval(req.intervalMinutes)) {
    return fail(
      'interval',
      `The interval must be 5, 10, 15 or 30 minutes; got ${String(req.intervalMinutes)}.`,
      '15 minutes',
    );
  }
  const interval = req.intervalMinutes;
  const example = exampleWindow(now, interval);
  const startMs = req.start.getTime();
  const endMs = req.end.getTime();
  if (!Number.isFinite(startMs)) return fail('start', 'The start is not a valid date and time.', example);
  if (!Number.isFinite(endMs)) return fail('end', 'The end is not a valid date and time.', example);
  if (endMs <= startMs) {
    return fail(
      'end',
      `The end (${formatUtc(endMs)}) must be after the start (${formatUtc(startMs)}).`,
      example,
    );
  }
  const notes: string[] = [];
  let start = floorToBucket(startMs, interval);
  const end = ceilToBucket(endMs, interval);
  if (start !== startMs || end !== endMs) {
    notes.push(
      `Aligned the window to ${interval}-minute buckets: ${formatUtc(start)} to ${formatUtc(end)} ` +
        `(asked for ${formatUtc(startMs)} to ${formatUtc(endMs)}).`,
    );
  }
  const latestEnd = currentBucketStart(now, interval) + intervalMs(interval);
  if (start >= latestEnd) {
    return fail('start', `The start (${formatUtc(startMs)}) is in the future.`, example);
  }
  if (end > latestEnd) {
    return fail(
      'end',
      `The end (${formatUtc(endMs)}) is in the future; the latest end is ${formatUtc(latestEnd)}, ` +
        `the end of the current ${interval}-minute bucket.`,
      example,
    );
  }
  const earliest = earliestStart(now, interval);
  if (start < earliest) {
    if (opts.startPolicy === 'refuse') {
      return fail(
        'start',
        `The start (${formatUtc(startMs)}) is more than ${MAX_LOOKBACK_DAYS} days ago; Microsoft Graph keeps ` +
          `${MAX_LOOKBACK_DAYS} days of monitoring data. The earliest start now is ${formatUtc(earliest)}.`,
        example,
      );
    }
    if (earliest >= end) {
      return fail(
        'start',
        `The whole window (${formatUtc(start)} to ${formatUtc(end)}) is more than ${MAX_LOOKBACK_DAYS} days ago; ` +
          `Microsoft Graph keeps ${MAX_LOOKBACK_DAYS} days of monitoring data.`,
        example,
      );
    }
    notes.push(
      `Microsoft Graph keeps ${MAX_LOOKBACK_DAYS} days of monitoring data, so the window starts at ` +
        `${formatUtc(earliest)} instead of ${formatUtc(start)}.`,
    );
    start = earliest;
  }
  return {
    ok: true,
    window: { start: new Date(start), end: new Date(end), intervalMinutes: interval, notes },
  };
}
