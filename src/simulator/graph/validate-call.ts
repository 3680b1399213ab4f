import { INTERVALS } from '../../domain/catalog-types';
import type { FunctionCall } from './parse-function-call';

/** Graph's default aggregation when the optional parameter is omitted. */
export const DEFAULT_INTERVAL = 15;
/** Documented: "The earliest start time allowed is 30 days in the past." */
export const MAX_LOOKBACK_MS = 30 * 24 * 3600_000;
/** Assumption: a minute of grace so a client computing "now − 30 days" a moment earlier is not rejected. */
const SKEW_MS = 60_000;

/** Checks the documented constraints; returns an error message or the effective interval. */
export function validateCall(
  call: FunctionCall,
  now: Date,
): { ok: true; interval: number } | { ok: false; message: string } {
  const interval = call.interval ?? DEFAULT_INTERVAL;
  if (!(INTERVALS as readonly number[]).includes(interval)) {
    return {
      ok: false,
      message: `Invalid aggregationIntervalInMinutes '${interval}': allowed values are ${INTERVALS.join(', ')}.`,
    };
  }
  if (call.end.getTime() <= call.start.getTime()) {
    return {
      ok: false,
      message: 'exclusiveIntervalEndDateTime must be later than inclusiveIntervalStartDateTime.',
    };
  }
  const earliest = now.getTime() - MAX_LOOKBACK_MS;
  if (call.start.getTime() < earliest - SKEW_MS) {
    return {
      ok: false,
      message: `inclusiveIntervalStartDateTime ${call.start.toISOString()} is more than 30 days in the past; the earliest start time allowed is ${new Date(earliest).toISOString()}.`,
    };
  }
  return { ok: true, interval };
}
