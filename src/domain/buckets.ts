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

/**
 * Conversions already made, both ways. A monitor cycle formats and parses the same few thousand bucket starts for
 * every tenant and metric (each window's points, history shifted by whole weeks): formatting was a fifth of a warm
 * cycle's CPU, and one shared string per bucket start is less garbage. Bounded: each map is emptied when full.
 */
const isoByMs = new Map<number, string>();
const msByIso = new Map<string, number>();
const MEMO_MAX = 50_000;

/** `2024-10-02T10:30:00Z`: the ISO form used for series points and gaps. */
export function isoSeconds(ms: number): string {
  let iso = isoByMs.get(ms);
  if (iso === undefined) {
    iso = `${new Date(ms).toISOString().slice(0, 19)}Z`;
    if (isoByMs.size >= MEMO_MAX) isoByMs.clear();
    isoByMs.set(ms, iso);
  }
  return iso;
}

/** `Date.parse` of a point's or window's ISO time (NaN when it is not one), remembered like `isoSeconds`. */
export function isoMs(iso: string): number {
  let ms = msByIso.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (msByIso.size >= MEMO_MAX) msByIso.clear();
    msByIso.set(iso, ms);
  }
  return ms;
}
