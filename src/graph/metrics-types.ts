import type { IntervalMinutes } from './catalog-types';
import type { CallOptions } from './client-types';
import type { FetchPreference } from './fetch-plan';
import type { MetricsApiError } from './errors';
import type { Series, SeriesPoint } from './series';
import type { StaleNote } from './stale-note';
import type { StartPolicy } from './window';

export interface StatusOptions extends CallOptions {
  /** Bucket size; default 15. */
  intervalMinutes?: IntervalMinutes;
  /** Complete buckets searched back for the newest one with data (late data); default 4. */
  lookbackBuckets?: number;
  /**
   * Cold-cache plan. `fewer-requests` (default): one window per metric covering now and last week, so 39 metrics
   * take 2 `$batch` requests, cost 1 of each metric's request budget and leave a week in the cache. `less-data`: two
   * small windows per metric (4 requests for 39 metrics), much less data for Graph to compute and send.
   */
  prefer?: FetchPreference;
}

/** One metric's current state: newest complete bucket with data and the same bucket a week earlier. */
export type MetricStatus =
  | {
      fn: string;
      ok: true;
      /** Undefined when none of the recent complete buckets has data yet. */
      latest?: SeriesPoint;
      lastWeek?: SeriesPoint;
      /** (latest − lastWeek) / lastWeek × 100, when both exist and lastWeek is not 0. */
      changePct?: number;
      stale?: StaleNote;
    }
  | { fn: string; ok: false; error: MetricsApiError };

export interface StatusReport {
  tenantId: string;
  intervalMinutes: IntervalMinutes;
  /** When the report was computed (ISO). */
  asOf: string;
  /** Start of the newest complete bucket at `asOf`. */
  latestCompleteBucket: string;
  metrics: MetricStatus[];
}

export interface SeriesOptions extends CallOptions {
  /** Also return the same window one week earlier. */
  compareLastWeek?: boolean;
  /** Start older than 30 days: clamp with a note (default) or refuse with a WindowError. */
  startPolicy?: StartPolicy;
}

export interface SeriesReport {
  series: Series;
  lastWeek?: Series;
  /** User-facing notes (alignment, clamping). */
  notes: string[];
  stale?: StaleNote;
}
