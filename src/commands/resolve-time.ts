import type { ParseContext } from './command-types';
import type { DaySpec, TimeSpec } from './read-time';
import { addDays, wallClockAt, zonedToInstant, type CalendarDay } from '../domain/zoned-time';

/** A resolved time: the instant, and the zone it was written in (for labels). */
export interface ResolvedTime {
  ms: number;
  zone: string;
}

/**
 * The instant a spec means. A clock without a day is its latest occurrence up to now, or, as the end of a range
 * (`anchor` = the start), its first occurrence after the start. A day without a clock is its midnight as a start
 * and the next midnight (or now, if sooner) as an end. A weekday is the latest such day up to now.
 */
export function resolveTime(
  spec: TimeSpec,
  ctx: ParseContext,
  role: 'start' | 'end',
  anchor?: number,
): ResolvedTime {
  if (spec.kind === 'ago') return { ms: ctx.now - spec.minutes * 60_000, zone: ctx.timeZone };
  if (spec.kind === 'instant') return { ms: spec.ms, zone: 'UTC' };
  const zone = spec.utc ? 'UTC' : ctx.timeZone;
  const today = wallClockAt(ctx.now, zone);
  if (!spec.day) {
    const clock = spec.clock!;
    if (anchor !== undefined) {
      const from = wallClockAt(anchor, zone);
      const sameDay = zonedToInstant(from, clock.hour, clock.minute, zone);
      return {
        ms: sameDay > anchor ? sameDay : zonedToInstant(addDays(from, 1), clock.hour, clock.minute, zone),
        zone,
      };
    }
    const sameDay = zonedToInstant(today, clock.hour, clock.minute, zone);
    return {
      ms: sameDay <= ctx.now ? sameDay : zonedToInstant(addDays(today, -1), clock.hour, clock.minute, zone),
      zone,
    };
  }
  const day = calendarDay(spec.day, today);
  if (spec.clock) {
    const { hour, minute } = spec.clock;
    const ms = zonedToInstant(day, hour, minute, zone);
    // Only a weekday naming today can land after now: "mon 10:00" at 09:00 on a Monday means last week's.
    if (spec.day.kind === 'weekday' && ms > ctx.now)
      return { ms: zonedToInstant(addDays(day, -7), hour, minute, zone), zone };
    return { ms, zone };
  }
  if (role === 'start') return { ms: zonedToInstant(day, 0, 0, zone), zone };
  return { ms: Math.min(zonedToInstant(addDays(day, 1), 0, 0, zone), ctx.now), zone };
}

function calendarDay(day: DaySpec, today: CalendarDay & { weekday: number }): CalendarDay {
  switch (day.kind) {
    case 'today':
      return today;
    case 'yesterday':
      return addDays(today, -1);
    case 'weekday':
      return addDays(today, -((today.weekday - day.weekday + 7) % 7));
    case 'date':
      return day.date;
  }
}
