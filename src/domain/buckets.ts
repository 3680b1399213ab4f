/** Bucket arithmetic. Buckets are clock-aligned (epoch multiples of the interval), `[start, start + interval)`. */

import { MINUTE_MS } from './time';

/** Interval length in milliseconds. */
export function intervalMs(intervalMinutes: number): number {
  return intervalMinutes * MINUTE_MS;
}

/** Start of the bucket containing `ms`. */
export function floorToBucket(ms: number, intervalMinutes: number): number {
  const size = intervalMs(intervalMinutes);
  return Math.floor(ms / size) * size;
}

/** Smallest bucket boundary at or after `ms`. */
export function ceilToBucket(ms: number, intervalMinutes: number): number {
  const size = intervalMs(intervalMinutes);
  return Math.ceil(ms / size) * size;
}

/** Start of the bucket still in progress at `now` (its data is partial). */
export function currentBucketStart(now: number, intervalMinutes: number): number {
  return floorToBucket(now, intervalMinutes);
}

/** Start of the newest bucket that has fully elapsed at `now`. */
export function latestCompleteBucketStart(now: number, intervalMinutes: number): number {
  return currentBucketStart(now, intervalMinutes) - intervalMs(intervalMinutes);
}

/** Every bucket start in `[startMs, endMs)`, ascending; both bounds are expected to be aligned. */
export function bucketStarts(startMs: number, endMs: number, intervalMinutes: number): number[] {
  const size = intervalMs(intervalMinutes);
  const out: number[] = [];
  for (let t = startMs; t < endMs; t += size) out.push(t);
  return out;
}

/** `2024-10-02T10:30:00Z`: the ISO form used for series points and gaps. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
