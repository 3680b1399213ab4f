import { WEEK_MS } from '../domain/time';
import { currentBucketStart, intervalMs } from '../domain/buckets';
import { RequestBudget } from './budget';
import { SeriesCache } from './cache';
import { HistoryStore } from './history-store';
import type { MsRange } from '../domain/series';
import { METRICS, metricByFn } from '../domain/catalog';
import { INTERVALS, type IntervalMinutes } from '../domain/catalog-types';
import { GraphMetricsClient } from './client';
import type { CallOptions, SeriesResult, TokenProvider } from './client-types';
import { InvalidRequestError, type MetricsApiError } from './errors';
import type { FetchPreference } from './fetch-plan';
import { refreshSeries, type MetricsClient, type RefreshOutcome, type WindowNeed } from './refresh';
import type { Series } from '../domain/series';
import { SingleFlight } from './single-flight';
import { staleNote, type StaleNote } from './stale-note';
import type {
  MetricStatus,
  SeriesOptions,
  SeriesReport,
  StatusOptions,
  StatusReport,
} from './metrics-reader';
import { earliestStart, formatUtc, validateWindow, WindowError, type WindowRequest } from '../domain/window';

export type * from './metrics-reader';

/** One week, the admin center's comparison baseline ("the same interval for the previous week"). */

export interface MetricsServiceDeps {
  client: MetricsClient;
  /** The same budget instance the client enforces; used here to skip sends and serve cache instead. */
  budget?: RequestBudget;
  cache?: SeriesCache;
  /** The monitor's final history windows (`seriesMany` with `history: 'compact'`). */
  history?: HistoryStore;
  now?: () => number;
}

/** The facade the bot, CLI and monitor use: cache first, then budget, then Graph. Every key includes the tenant. */
export class MetricsService {
  private readonly cache: SeriesCache;
  /** The monitor's history, 1–4 weeks back: final buckets kept compactly, apart from the shared cache. */
  readonly history: HistoryStore;
  private readonly flights = new SingleFlight<SeriesResult>();
  private readonly now: () => number;

  constructor(private readonly deps: MetricsServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.cache = deps.cache ?? new SeriesCache({ now: this.now });
    this.history = deps.history ?? new HistoryStore({ now: this.now });
  }

  /** Latest complete bucket of each metric and the same bucket last week; at most 2 HTTP requests for 39 metrics. */
  async status(
    tenantId: string,
    fns: readonly string[] = METRICS.map((m) => m.fn),
    opts: StatusOptions = {},
  ): Promise<StatusReport> {
    const interval = opts.intervalMinutes ?? 15;
    if (!(INTERVALS as readonly number[]).includes(interval)) {
      const message = `The interval must be 5, 10, 15 or 30 minutes; got ${String(interval)}.`;
      throw new WindowError('interval', message, '15 minutes');
    }
    const now = this.now();
    const size = intervalMs(interval);
    const recent = {
      start: currentBucketStart(now, interval) - (opts.lookbackBuckets ?? 4) * size,
      end: currentBucketStart(now, interval),
    };
    const weekAgo = { start: recent.start - WEEK_MS, end: recent.end - WEEK_MS };
    const known = fns.filter((fn) => metricByFn(fn));
    const refreshed = await this.refresh(
      tenantId,
      interval,
      known.map((fn) => ({ fn, windows: [recent, weekAgo] })),
      opts,
    );
    const metrics = fns.map((fn): MetricStatus => {
      if (!metricByFn(fn)) return { fn, ok: false, error: unknownMetric(tenantId, fn) };
      const key = { tenantId, fn, intervalMinutes: interval };
      const a = this.cache.read(key, recent);
      const stale = this.staleOrError(refreshed.get(fn), a.fetchedAt, a.unknown);
      if (stale instanceof Error) return { fn, ok: false, error: stale };
      const latest = a.series.points.at(-1);
      const b = this.cache.read(key, weekAgo);
      const lastWeek =
        latest && b.series.points.find((p) => Date.parse(p.t) === Date.parse(latest.t) - WEEK_MS);
      const changePct =
        latest && lastWeek && lastWeek.v !== 0 ? ((latest.v - lastWeek.v) / lastWeek.v) * 100 : undefined;
      return { fn, ok: true, latest, lastWeek, changePct, stale };
    });
    return {
      tenantId,
      intervalMinutes: interval,
      asOf: new Date(now).toISOString(),
      latestCompleteBucket: new Date(recent.end - size).toISOString(),
      metrics,
    };
  }

  /** A metric over a validated window (WindowError when invalid), optionally with the same window last week. */
  async series(
    tenantId: string,
    fn: string,
    request: WindowRequest,
    opts: SeriesOptions = {},
  ): Promise<SeriesReport> {
    if (!metricByFn(fn)) throw unknownMetric(tenantId, fn);
    const now = this.now();
    const valid = validateWindow(request, { now, startPolicy: opts.startPolicy ?? 'clamp' });
    if (!valid.ok) throw valid.error;
    const interval = valid.window.intervalMinutes;
    const main = { start: valid.window.start.getTime(), end: valid.window.end.getTime() };
    const notes = [...valid.window.notes];
    let lastWeek: MsRange | undefined;
    if (opts.compareLastWeek) {
      const earliest = earliestStart(now, interval);
      lastWeek = { start: main.start - WEEK_MS, end: main.end - WEEK_MS };
      if (lastWeek.end <= earliest) {
        notes.push('No comparison with last week: that window is more than 30 days ago.');
        lastWeek = undefined;
      } else if (lastWeek.start < earliest) {
        notes.push(
          `The comparison with last week starts at ${formatUtc(earliest)}: Microsoft Graph keeps 30 days.`,
        );
        lastWeek.start = earliest;
      }
    }
    const windows = lastWeek ? [main, lastWeek] : [main];
    const refreshed = await this.refresh(tenantId, interval, [{ fn, windows }], opts);
    const key = { tenantId, fn, intervalMinutes: interval };
    const cached = this.cache.read(key, main);
    const stale = this.staleOrError(refreshed.get(fn), cached.fetchedAt, cached.unknown);
    if (stale instanceof Error) throw stale;
    return {
      series: cached.series,
      lastWeek: lastWeek && this.cache.read(key, lastWeek).series,
      notes,
      stale,
    };
  }

  /**
   * Several metrics, each over its `windows(fn)`, brought up to date in as few batched requests as the cache allows
   * (only new buckets plus the late-data overlap are fetched), for the alert monitor. One result per function, in
   * order; windows must be aligned to `interval` and inside 30 days (the monitor builds them so). `read` returns
   * other (covered) windows than the ones fetched: the monitor fetches history by whole days, so it is cached once a
   * day, and reads the exactly shifted windows the baseline needs. With `history: 'compact'`, every window of a
   * function but its first (and every `read` window but the first) is final history, a week old or more, kept in
   * the compact `HistoryStore` rather than the shared cache; it is fetched in the same batched requests.
   */
  async seriesMany(
    tenantId: string,
    fns: readonly string[],
    windows: (fn: string) => readonly MsRange[],
    interval: IntervalMinutes,
    opts: StatusOptions & { read?: readonly MsRange[]; history?: 'compact' } = {},
  ): Promise<
    (
      | { fn: string; ok: true; series: Series[]; stale?: StaleNote }
      | { fn: string; ok: false; error: MetricsApiError }
    )[]
  > {
    const known = fns.filter((fn) => metricByFn(fn));
    const compact = opts.history === 'compact';
    const refreshed = await this.refresh(
      tenantId,
      interval,
      known.map((fn) => {
        const [first, ...rest] = windows(fn);
        return compact ? { fn, windows: [first], history: rest } : { fn, windows: [...windows(fn)] };
      }),
      opts,
    );
    return fns.map((fn) => {
      if (!metricByFn(fn)) return { fn, ok: false as const, error: unknownMetric(tenantId, fn) };
      const key = { tenantId, fn, intervalMinutes: interval };
      const reads = (opts.read ?? windows(fn)).map((w, i) =>
        compact && i > 0 ? this.history.read(key, w) : this.cache.read(key, w),
      );
      const stale = this.staleOrError(refreshed.get(fn), reads[0].fetchedAt, reads[0].unknown);
      if (stale instanceof Error) return { fn, ok: false as const, error: stale };
      return { fn, ok: true as const, series: reads.map((r) => r.series), stale };
    });
  }

  private refresh(
    tenantId: string,
    interval: IntervalMinutes,
    needs: WindowNeed[],
    opts: CallOptions & { prefer?: FetchPreference },
  ) {
    const { client, budget } = this.deps;
    return refreshSeries(
      { client, budget, cache: this.cache, history: this.history, flights: this.flights, now: this.now },
      tenantId,
      interval,
      needs,
      opts,
    );
  }

  /** A failed refresh is served from cache with a note when the failure is transient and something is cached. */
  private staleOrError(
    r: RefreshOutcome | undefined,
    fetchedAt: number | undefined,
    unknown: number,
  ): StaleNote | MetricsApiError | undefined {
    if (!r || r.ok) return undefined;
    if (!r.error.transient || fetchedAt === undefined) return r.error;
    return staleNote(r.error, fetchedAt, unknown);
  }
}

export interface CreateMetricsServiceOptions {
  tokenProvider?: TokenProvider;
  /** `GRAPH_BASE_URL`; default https://graph.microsoft.com. */
  baseUrl?: string;
  /** Sends per tenant + function per 10 minutes; default 100 (Graph's documented limit). */
  budgetLimit?: number;
  now?: () => number;
}

/** Wires client, shared budget and cache the way production uses them. */
export function createMetricsService(opts: CreateMetricsServiceOptions): MetricsService {
  const budget = new RequestBudget({ limit: opts.budgetLimit, now: opts.now });
  const client = new GraphMetricsClient({ tokenProvider: opts.tokenProvider, baseUrl: opts.baseUrl, budget });
  return new MetricsService({ client, budget, now: opts.now });
}

function unknownMetric(tenantId: string, fn: string): MetricsApiError {
  return new InvalidRequestError(`${fn} is not a known Microsoft 365 monitoring metric.`, { tenantId, fn });
}
