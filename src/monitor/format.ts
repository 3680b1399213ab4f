/** Small, locale-independent text helpers for reasons and audit lines (cards format numbers on their own). */

/** `12,345` for counts (rounded), `97.5 %` for percentages (one decimal). */
export function formatValue(v: number, unit: 'count' | 'percent'): string {
  if (unit === 'percent') return `${v.toFixed(1)} %`;
  const n = Math.round(v);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** A signed change rounded to whole percent: `-62 %`, `+140 %`, `0 %`. */
export function formatChange(pct: number): string {
  const r = Math.round(pct);
  return `${r > 0 ? '+' : ''}${r} %`;
}

/** Minutes in the largest whole unit: "10 minutes", "1 hour", "2 days". */
export function durationLabel(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes > 0 && minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes > 0 && minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** `10:35 UTC` from an ISO instant or epoch ms: the time part reasons use (cards re-render in the user's zone). */
export function utcClock(t: string | number): string {
  return `${new Date(t).toISOString().slice(11, 16)} UTC`;
}
