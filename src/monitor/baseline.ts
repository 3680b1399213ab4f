import { WEEK_MS } from '../domain/time';
import { isoMs } from '../domain/buckets';
import type { Series } from '../domain/series';

/** Weeks of history the seasonal baseline uses at most (the same slot 1–4 weeks back). */
export const MAX_HISTORY_WEEKS = 4;

/**
 * The usual level of one bucket: the median of the same weekday and time-of-day bucket over the past weeks that have
 * it (the mean of the middle two for an even count), or that one week's value when only one week has it. "Too little
 * history" is its own result, never a guess.
 */
export type BucketBaseline =
  | { kind: 'baseline'; value: number; /** weeks back that had this bucket, ascending */ weeks: number[] }
  | { kind: 'insufficient-history'; /** history weeks with any data at all */ weeksAvailable: number };

/** Past weeks' values keyed by the matching bucket start of the current window (epoch ms). */
export interface SeasonalHistory {
  byWeek: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** History weeks (1–4) that have at least one point. */
  weeksAvailable: number;
}

/**
 * Indexes the history series for baseline lookups. Each series must be the current window shifted back by exactly
 * 7·k days (k = 1–4) at the same interval; others are ignored (so are later duplicates of a week).
 */
export function indexHistory(current: Series, history: readonly Series[]): SeasonalHistory {
  const byWeek = new Map<number, Map<number, number>>();
  const start = Date.parse(current.start);
  for (const h of history) {
    const shift = start - Date.parse(h.start);
    const k = shift / WEEK_MS;
    if (!Number.isInteger(k) || k < 1 || k > MAX_HISTORY_WEEKS || byWeek.has(k)) continue;
    if (h.intervalMinutes !== current.intervalMinutes || h.fn !== current.fn) continue;
    const values = new Map<number, number>();
    for (const p of h.points) values.set(isoMs(p.t) + shift, p.v);
    byWeek.set(k, values);
  }
  const weeksAvailable = [...byWeek.values()].filter((m) => m.size > 0).length;
  return { byWeek, weeksAvailable };
}

/** The seasonal baseline of the current-window bucket starting at `t` (epoch ms). */
export function baselineAt(history: SeasonalHistory, t: number): BucketBaseline {
  const found: { week: number; v: number }[] = [];
  for (const [week, values] of history.byWeek) {
    const v = values.get(t);
    if (v !== undefined) found.push({ week, v });
  }
  if (!found.length) return { kind: 'insufficient-history', weeksAvailable: history.weeksAvailable };
  const weeks = found.map((f) => f.week).sort((a, b) => a - b);
  return { kind: 'baseline', value: median(found.map((f) => f.v)), weeks };
}

/** Median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** "median of 4 weeks", "last week", "2 weeks ago": where a baseline came from, for reasons and cards. */
export function describeBaseline(b: Extract<BucketBaseline, { kind: 'baseline' }>): string {
  if (b.weeks.length > 1) return `median of ${b.weeks.length} weeks`;
  return b.weeks[0] === 1 ? 'last week' : `${b.weeks[0]} weeks ago`;
}

/** The baseline of every bucket of the current window (points and gaps alike), ascending by bucket start. */
export function seasonalBaseline(
  current: Series,
  history: readonly Series[],
): { t: string; baseline: BucketBaseline }[] {
  const index = indexHistory(current, history);
  const starts = [...current.points.map((p) => p.t), ...current.gaps];
  return starts
    .map((t) => ({ t, ms: Date.parse(t) }))
    .sort((a, b) => a.ms - b.ms)
    .map(({ t, ms }) => ({ t, baseline: baselineAt(index, ms) }));
}
