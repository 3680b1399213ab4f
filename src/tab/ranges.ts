import { currentBucketStart } from '../domain/buckets';
import type { IntervalMinutes } from '../domain/catalog-types';

/** The time ranges the tab offers, each with the bucket size that keeps a chart readable (24 to 1,440 points). */
export const TAB_RANGES = {
  '6h': { hours: 6, intervalMinutes: 15 },
  '24h': { hours: 24, intervalMinutes: 15 },
  '7d': { hours: 7 * 24, intervalMinutes: 30 },
  '30d': { hours: 30 * 24, intervalMinutes: 30 },
} as const satisfies Record<string, { hours: number; intervalMinutes: IntervalMinutes }>;

export type TabRange = keyof typeof TAB_RANGES;

/** True for `6h`, `24h`, `7d` and `30d`. */
export function isTabRange(v: unknown): v is TabRange {
  return typeof v === 'string' && Object.hasOwn(TAB_RANGES, v);
}

/** A range as a window ending at the newest complete bucket, as `m365-pulse query --last` and `show` end. */
export function rangeWindow(
  range: TabRange,
  now: number,
): { start: number; end: number; intervalMinutes: IntervalMinutes } {
  const { hours, intervalMinutes } = TAB_RANGES[range];
  const end = currentBucketStart(now, intervalMinutes);
  return { start: end - hours * 3_600_000, end, intervalMinutes };
}
