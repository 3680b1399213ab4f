import type { DefaultRule } from './catalog-types';

/**
 * Default rule for activity counts (a drop is the documented failure signal): ≥ 50 % below the same slot last week
 * for two complete buckets, judged only when last week's slot had at least 10 events.
 */
export const DROP_HALF: DefaultRule = { kind: 'drop', threshold: 50, forBuckets: 2, minCount: 10 };

/**
 * Default rule for failure counts (MFA failures, CA blocks, policy or connector blocks): at least double the same slot
 * last week for two complete buckets, judged only when the bucket has at least 20 events.
 */
export const RISE_DOUBLE: DefaultRule = { kind: 'rise', threshold: 100, forBuckets: 2, minCount: 20 };

/** Default rule for state counts whose healthy level is zero (disconnected tunnels, BGP sessions): any for 2 buckets. */
export const ANY_FOR_TWO: DefaultRule = { kind: 'above', threshold: 0, forBuckets: 2 };

/** Default rule for percentages: below a fixed level (percentage points) for two complete buckets. */
export function belowPercent(threshold: number): DefaultRule {
  return { kind: 'below', threshold, forBuckets: 2 };
}
