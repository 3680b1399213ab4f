import { fnv1a } from '../domain/fnv1a';
import { addDays, wallClockAt, zonedToInstant } from '../domain/zoned-time';
import type { ClockTime } from '../domain/time';

/** Production alert cycle: one poll per 5-minute bucket. */
export const DEFAULT_CYCLE_MS = 5 * 60_000;

/** Demo cycle: fast enough to watch a scenario play out. */
export const DEMO_CYCLE_MS = 15_000;

/**
 * The first instant strictly after `now` at which the zone's wall clock reads `at` (a `digest daily 09:00 <tz>`).
 * DST: a time skipped by spring-forward runs at the moment after the gap (02:30 → 03:30); a time repeated by
 * fall-back runs at its first occurrence only, so the digest is sent once a day.
 */
export function nextDailyAt(now: number, at: ClockTime, timeZone: string): number {
  const w = wallClockAt(now, timeZone);
  let day = { year: w.year, month: w.month, day: w.day };
  let next = zonedToInstant(day, at.hour, at.minute, timeZone);
  while (next <= now) {
    day = addDays(day, 1);
    next = zonedToInstant(day, at.hour, at.minute, timeZone);
  }
  return next;
}

/**
 * The next poll strictly after `now`: the next multiple of `cycleMs` since the epoch, plus `offsetMs` (0 ≤ offset <
 * cycle). With a 5-minute cycle, polls fall on bucket boundaries, right after a bucket completes.
 */
export function nextPollAt(now: number, cycleMs = DEFAULT_CYCLE_MS, offsetMs = 0): number {
  if (!(Number.isInteger(cycleMs) && cycleMs > 0))
    throw new RangeError(`cycleMs must be a positive integer, got ${cycleMs}.`);
  if (!(Number.isInteger(offsetMs) && offsetMs >= 0 && offsetMs < cycleMs))
    throw new RangeError(`offsetMs must be an integer in [0, ${cycleMs}), got ${offsetMs}.`);
  return Math.floor((now - offsetMs) / cycleMs) * cycleMs + cycleMs + offsetMs;
}

/**
 * A stable per-tenant offset in whole seconds within the first `spread` share of a cycle (default 20 %: up to
 * 60 s of 5 min), so many tenants do not hit Graph at the same instant. Same tenant, same offset, every process.
 */
export function tenantOffsetMs(tenantId: string, cycleMs = DEFAULT_CYCLE_MS, spread = 0.2): number {
  const slots = Math.max(1, Math.floor((cycleMs * spread) / 1000));
  return (fnv1a(tenantId) % slots) * 1000;
}
