/*
 * Daily and weekly activity shapes in the tenant's local time. Assumption (Microsoft publishes no curves): office
 * work dominates, so activity is low at night, ramps up from 07:00, peaks mid-morning, dips at lunch, recovers in the
 * afternoon and fades in the evening; weekends run at about an eighth of a weekday.
 */

/** Weekday level by local hour (linear between points), 1.0 = the weekday peak. */
const WEEKDAY: readonly [number, number][] = [
  [0, 0.04],
  [5, 0.04],
  [6, 0.1],
  [7, 0.35],
  [8, 0.75],
  [9, 0.95],
  [10, 1.0],
  [11, 0.95],
  [12, 0.7],
  [13, 0.78],
  [14, 0.95],
  [15, 0.92],
  [16, 0.8],
  [17, 0.55],
  [18, 0.3],
  [19, 0.18],
  [20, 0.12],
  [21, 0.09],
  [22, 0.06],
  [24, 0.04],
];

/** Weekend level by local hour: a low, flat midday hump. */
const WEEKEND: readonly [number, number][] = [
  [0, 0.03],
  [8, 0.04],
  [10, 0.1],
  [13, 0.13],
  [16, 0.11],
  [19, 0.07],
  [22, 0.04],
  [24, 0.03],
];

function interpolate(points: readonly [number, number][], hour: number): number {
  for (let i = 1; i < points.length; i++) {
    const h1 = points[i][0];
    if (hour <= h1) {
      const h0 = points[i - 1][0];
      const v0 = points[i - 1][1];
      return v0 + ((points[i][1] - v0) * (hour - h0)) / (h1 - h0);
    }
  }
  return points[points.length - 1][1];
}

/** Levels per minute of the day, precomputed: this runs for every simulated minute. */
const WEEKDAY_BY_MINUTE = Float64Array.from({ length: 1440 }, (_, m) => interpolate(WEEKDAY, m / 60));
const WEEKEND_BY_MINUTE = Float64Array.from({ length: 1440 }, (_, m) => interpolate(WEEKEND, m / 60));

/** How a metric's activity varies over the week. */
export type ShapeKind = 'workday' | 'always-on' | 'meetings';

/** Relative activity (1.0 = weekday peak) at a UTC minute index for a tenant `utcOffsetMinutes` ahead of UTC. */
export function activityShape(kind: ShapeKind, minuteIndex: number, utcOffsetMinutes: number): number {
  const local = minuteIndex + utcOffsetMinutes;
  const minuteOfDay = ((local % 1440) + 1440) % 1440;
  // 1970-01-01 was a Thursday: day 0 → 4 (0 = Sunday).
  const weekday = (((Math.floor(local / 1440) + 4) % 7) + 7) % 7;
  const base =
    weekday === 0 || weekday === 6 ? WEEKEND_BY_MINUTE[minuteOfDay] : WEEKDAY_BY_MINUTE[minuteOfDay];
  if (kind === 'always-on') return 0.25 + 0.75 * base; // automated mail keeps flowing at night
  if (kind === 'meetings') {
    // Joins cluster in the first five minutes of each half hour; the factors average to 1 over 30 minutes.
    const inHalfHour = minuteOfDay % 30;
    return base * (inHalfHour < 5 ? 2.2 : 0.6) * (30 / 26);
  }
  return base;
}
