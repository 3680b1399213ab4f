import type { IntervalMinutes } from './catalog-types';

/** One bucket with data: `t` is the bucket start (`2024-10-02T10:30:00Z`), `v` the count or percentage. */
export interface SeriesPoint {
  t: string;
  v: number;
}

/** A metric over a window. Buckets with no data are listed in `gaps`, never filled with zeros. */
export interface Series {
  fn: string;
  intervalMinutes: IntervalMinutes;
  /** Inclusive window start (ISO, whole seconds, UTC). */
  start: string;
  /** Exclusive window end. */
  end: string;
  /** Ascending by `t`, one per bucket at most. */
  points: SeriesPoint[];
  /** Expected bucket starts with no point, ascending. */
  gaps: string[];
}

/** A time range in epoch milliseconds: inclusive start, exclusive end. */
export interface MsRange {
  start: number;
  end: number;
}
