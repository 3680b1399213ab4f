import { currentBucketStart, intervalMs } from '../domain/buckets';
import type { IntervalMinutes } from '../domain/catalog-types';
import { METRICS } from '../domain/catalog';
import { fnv1a } from '../domain/fnv1a';
import type { MsRange } from '../domain/series';
import { DAY_MS, WEEK_MS } from '../domain/time';

/** The current window and the same window 1–4 weeks back, aligned to the interval, ending at the open bucket. */
export function evaluationWindows(now: number, interval: IntervalMinutes, windowMinutes: number): MsRange[] {
  const end = currentBucketStart(now, interval);
  const start = end - Math.ceil((windowMinutes * 60_000) / intervalMs(interval)) * intervalMs(interval);
  return [0, 1, 2, 3, 4].map((k) => ({ start: start - k * WEEK_MS, end: end - k * WEEK_MS }));
}

/**
 * Where the tenant's history day begins, after UTC midnight (a whole number of buckets, from a hash of the tenant
 * id): tenants fetch their next history days at different cycles of the day, not all in the first one after
 * midnight (for 5,000 tenants that cycle alone would need 50,000 requests and several minutes of CPU).
 */
export function historyDayOffset(tenantId: string, interval: IntervalMinutes): number {
  return (fnv1a(tenantId.toLowerCase()) % (DAY_MS / intervalMs(interval))) * intervalMs(interval);
}

/** History weeks the baseline compares (1–4 weeks back). */
const HISTORY_WEEKS = 4;

/**
 * Where the history day of one metric's history week begins: the tenant's offset plus this (metric, week) pair's
 * share of the day. The catalog's 39 metrics × 4 weeks are 156 pairs spread evenly over a day's 288 five-minute
 * buckets, so at most one pair's day turns in a cycle: its one new day fits the free slot of the two `$batch`
 * requests the 39 current windows need, and a tenant watching everything sends 2 requests every warm cycle instead
 * of 2 plus 10 once a day.
 */
export function historyPairOffset(
  tenantId: string,
  fn: string,
  week: number,
  interval: IntervalMinutes,
): number {
  const pairs = METRICS.length * HISTORY_WEEKS;
  const index = METRICS.findIndex((m) => m.fn === fn);
  const pair = (index < 0 ? 0 : index) * HISTORY_WEEKS + (week - 1);
  const buckets = DAY_MS / intervalMs(interval);
  const share = Math.floor((pair * buckets) / pairs) * intervalMs(interval);
  return (historyDayOffset(tenantId, interval) + share) % DAY_MS;
}

/**
 * What a cycle asks the cache (and Graph) for, for one metric: the current window, and each history window to the
 * end of its (metric, week) pair's history day.
 */
export function historyFetchWindows(
  tenantId: string,
  fn: string,
  windows: readonly MsRange[],
  interval: IntervalMinutes,
): MsRange[] {
  return [
    windows[0],
    ...windows.slice(1).map((w, i) => restOfHistoryDay(w, historyPairOffset(tenantId, fn, i + 1, interval))),
  ];
}

/**
 * A history window extended to the end of its history day (still inside Graph's 30 days): the extension stays the
 * same until the window's end crosses that boundary, so each history day is fetched once, and every other cycle
 * needs only the current window's new buckets. The part behind the window is not asked for again, so the cache
 * lets it go.
 */
function restOfHistoryDay(w: MsRange, offset: number): MsRange {
  return { start: w.start, end: Math.ceil((w.end - offset) / DAY_MS) * DAY_MS + offset };
}
