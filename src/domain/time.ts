/** Time constants in milliseconds (the one place every module takes them from), and times of day. */

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** A wall-clock time of day, `hour` 0–23, `minute` 0–59. */
export interface ClockTime {
  hour: number;
  minute: number;
}

const CLOCK = /^([01]?\d|2[0-3])[:.h]?([0-5]\d)$/;

/** `09:00`, `9:00`, `0900`, `22.30`, `7h30` → the time; undefined for anything else (no 24:00, no am/pm). */
export function parseClockTime(text: string): ClockTime | undefined {
  const m = CLOCK.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}

/** `07:05`. */
export function formatClockTime(t: ClockTime): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Minutes since local midnight. */
export function minuteOfDay(t: ClockTime): number {
  return t.hour * 60 + t.minute;
}
