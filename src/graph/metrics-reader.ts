/**
 * The metrics reader: what cards, commands, alerts and the monitor may know of Graph. They import this module and
 * the error kinds (`errors.ts`) and nothing else of `graph/`; the composition root builds the implementations.
 */
import type { IntervalMinutes, ServiceGroup } from '../domain/catalog-types';
import type { MsRange, Series, SeriesPoint } from '../domain/series';
import type { StartPolicy } from '../domain/window';
import type { CallOptions } from './client-types';
import type { MetricsApiError } from './errors';
import type { FetchPreference } from './fetch-plan';
import type { StaleNote } from './stale-note';
import type { HealthIssue, ServiceOverview, StatusChange } from '../service-health/types';

export type { CallOptions, FetchPreference, StaleNote };

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

/** A status report plus a short recent trend per metric (from the same cached fetch). */
export interface StatusView {
  report: StatusReport;
  trends: Record<string, SeriesPoint[]>;
}

/** One metric's series over a window, as a chat command asks for it. */
export interface SeriesRequest {
  fn: string;
  start: Date;
  end: Date;
  intervalMinutes: IntervalMinutes;
  compareLastWeek: boolean;
}

/** Who a Graph call is for: a signed-in user of a tenant, and how to get their Graph token. Never logged. */
export interface Caller {
  tenantId: string;
  /** Entra object id (lower case). */
  userId: string;
  token: (tenantId: string) => Promise<string>;
}

/** Whether Graph lets a user read a service group (permission and admin role), or why not. */
export type GroupAccess = { allowed: true } | { allowed: false; error: MetricsApiError };

/** The metrics one signed-in user of one tenant may read; every Graph call is made with their own token. */
export interface UserMetricsReader {
  /** Current state of every metric (of one service group, if given); groups the user may not read show why. */
  status(service?: ServiceGroup, opts?: CallOptions): Promise<StatusView>;
  /** Which service groups this user may read, per Graph's own check of their token. */
  access(groups: readonly ServiceGroup[]): Promise<Map<ServiceGroup, GroupAccess>>;
  /** One metric's series; rejects with the Graph error kind when the user may not read it. */
  series(req: SeriesRequest, opts?: CallOptions): Promise<SeriesReport>;
}

/** How the monitor reads telemetry: a batched, cache-aware fetch with whichever token it is given. */
export interface MonitorMetrics {
  seriesMany(
    tenantId: string,
    fns: readonly string[],
    /**
     * The windows to bring up to date for each metric: first the current window, then history windows (complete
     * buckets a week old or more, final, so the implementation may keep them apart from the shared cache).
     */
    windows: (fn: string) => readonly MsRange[],
    interval: IntervalMinutes,
    token: () => Promise<string>,
    read?: readonly MsRange[],
  ): Promise<
    ({ fn: string; ok: true; series: Series[] } | { fn: string; ok: false; error: MetricsApiError })[]
  >;
  /** The status report (latest bucket vs last week) of some metrics, for the daily digest. */
  status(tenantId: string, fns: readonly string[], token: () => Promise<string>): Promise<StatusReport>;
}

/** What the monitor knows of a tenant's service health (Microsoft's issues and each service's state). */
export interface MonitorHealthSnapshot {
  tenantId: string;
  /** By id; the same Map object as long as nothing changed, so "no news" costs no work downstream. */
  issues: ReadonlyMap<string, HealthIssue>;
  /** Statuses Pulse saw each issue in, oldest first. */
  statusHistory: ReadonlyMap<string, readonly StatusChange[]>;
  overviews: readonly ServiceOverview[];
  /** When the issues were last read successfully (epoch ms); undefined: never. */
  issuesAt?: number;
  /** The latest failure to read them; the issues shown are from `issuesAt`. */
  error?: MetricsApiError;
}

/** Microsoft's service health as the monitor reads it, with whichever token it is given. */
export interface MonitorServiceHealth {
  /**
   * Polls the tenant (incrementally; at most once a minute, chat reads included) and answers what is then known.
   * Rejects only when the tenant's issues have never been read; later failures come back as `error`.
   */
  poll(tenantId: string, token: () => Promise<string>): Promise<MonitorHealthSnapshot>;
  /** What is known without a request; undefined before the tenant's first successful poll. */
  known(tenantId: string): MonitorHealthSnapshot | undefined;
}
