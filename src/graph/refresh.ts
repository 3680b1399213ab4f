import type { BudgetLane, RequestBudget } from './budget';
import type { SeriesCache } from './cache';
import type { HistoryStore } from './history-store';
import type { MsRange, Series } from '../domain/series';
import type { IntervalMinutes } from '../domain/catalog-types';
import type { GraphMetricsClient } from './client';
import type { CallOptions, MetricQuery, SeriesResult } from './client-types';
import { budgetExhaustedError } from './error-mapping';
import { MetricsApiError } from './errors';
import { covering, planFetches, type FetchPreference, type PlannedFetch } from './fetch-plan';
import type { SingleFlight } from './single-flight';

/** The two client calls the service needs; a test double or the real GraphMetricsClient. */
export type MetricsClient = Pick<GraphMetricsClient, 'getSeries' | 'getMany'>;

export interface RefreshDeps {
  client: MetricsClient;
  cache: SeriesCache;
  /** Where `WindowNeed.history` windows are kept (the monitor's final history); required when a need has them. */
  history?: HistoryStore;
  budget?: RequestBudget;
  flights: SingleFlight<SeriesResult>;
  now: () => number;
}

/** Per function: the cache now holds fresh data for the asked windows, or why not. */
export type RefreshOutcome = { ok: true } | { ok: false; error: MetricsApiError };

/** What one function needs covered. */
export interface WindowNeed {
  fn: string;
  /** Kept in the shared series cache. */
  windows: MsRange[];
  /** Final windows (a week old or more) kept in `RefreshDeps.history` instead; fetched in the same requests. */
  history?: MsRange[];
}

/**
 * Brings the cache up to date for `needs` in as few HTTP requests as possible: only stale ranges are planned, a
 * function whose budget is spent is skipped (never sent), identical queries already in flight are joined, and the
 * rest go out as one GET or batches. Successful series are merged into the cache.
 */
export async function refreshSeries(
  deps: RefreshDeps,
  tenantId: string,
  intervalMinutes: IntervalMinutes,
  needs: readonly WindowNeed[],
  opts: CallOptions & { prefer?: FetchPreference },
): Promise<Map<string, RefreshOutcome>> {
  const now = deps.now();
  const out = new Map<string, RefreshOutcome>();
  const key = (fn: string) => ({ tenantId, fn, intervalMinutes });
  const plan = planFetches(
    needs.map((n) => ({
      fn: n.fn,
      ranges: [
        ...n.windows.flatMap((w) => deps.cache.staleRange(key(n.fn), w, now) ?? []),
        ...(n.history ?? []).flatMap((w) => historyOf(deps).staleRange(key(n.fn), w, now) ?? []),
      ],
    })),
    opts.prefer,
  );
  const allowed = withinBudget(deps.budget, tenantId, plan, opts.lane, (fn, retryAt) =>
    out.set(fn, { ok: false, error: budgetExhaustedError(tenantId, fn, retryAt) }),
  );
  const record = (fn: string, r: SeriesResult) => {
    if (!r.ok && !out.has(fn)) out.set(fn, { ok: false, error: r.error });
  };
  const joined: Promise<void>[] = [];
  const leads: { item: PlannedFetch; lead: ReturnType<RefreshDeps['flights']['lead']> }[] = [];
  for (const item of allowed) {
    const flightKey = JSON.stringify([tenantId, item.fn, intervalMinutes, item.range.start, item.range.end]);
    const existing = deps.flights.join(flightKey);
    if (existing) joined.push(existing.then((r) => record(item.fn, r)));
    else leads.push({ item, lead: deps.flights.lead(flightKey) });
  }
  if (leads.length > 0) {
    const queries: MetricQuery[] = leads.map(({ item }) => ({
      fn: item.fn,
      window: { start: new Date(item.range.start), end: new Date(item.range.end), intervalMinutes },
    }));
    let results: SeriesResult[];
    try {
      results =
        queries.length === 1
          ? [await single(deps.client, tenantId, queries[0], opts)]
          : await deps.client.getMany(tenantId, queries, opts);
    } catch (e) {
      for (const { lead } of leads) lead.reject(e);
      throw e;
    }
    results.forEach((r, i) => {
      const { item, lead } = leads[i];
      if (r.ok) keep(deps, needs, key(item.fn), item.range, r.series, now);
      lead.resolve(r);
      record(item.fn, r);
    });
  }
  await Promise.all(joined);
  for (const n of needs) if (!out.has(n.fn)) out.set(n.fn, { ok: true });
  return out;
}

function historyOf(deps: RefreshDeps): HistoryStore {
  if (!deps.history) throw new Error('refreshSeries: history windows need a history store');
  return deps.history;
}

/**
 * Stores a fetched range where its windows live: the parts inside history windows in the history store, the rest
 * (or all of it, for needs without history) in the series cache.
 */
function keep(
  deps: RefreshDeps,
  needs: readonly WindowNeed[],
  key: { tenantId: string; fn: string; intervalMinutes: IntervalMinutes },
  range: MsRange,
  series: Series,
  now: number,
): void {
  const history = needs.find((n) => n.fn === key.fn)?.history ?? [];
  const overlaps = (w: MsRange) => w.start < range.end && range.start < w.end;
  const inHistory = history.filter(overlaps);
  for (const w of inHistory) historyOf(deps).put(key, series, now, w);
  if (!inHistory.length || needs.some((n) => n.fn === key.fn && n.windows.some(overlaps)))
    deps.cache.put(key, series, now);
}

async function single(
  client: MetricsClient,
  tenantId: string,
  query: MetricQuery,
  opts: CallOptions,
): Promise<SeriesResult> {
  try {
    return { ok: true, series: await client.getSeries(tenantId, query, opts) };
  } catch (e) {
    if (e instanceof MetricsApiError) return { ok: false, error: e };
    throw e;
  }
}

/**
 * Drops the queries of functions whose budget cannot take them (reported through `refuse`); a function with several
 * ranges that does not fit but would as one covering query is merged rather than refused.
 */
function withinBudget(
  budget: RequestBudget | undefined,
  tenantId: string,
  plan: PlannedFetch[],
  lane: BudgetLane | undefined,
  refuse: (fn: string, retryAt: number) => void,
): PlannedFetch[] {
  if (!budget) return plan;
  const byFn = new Map<string, PlannedFetch[]>();
  for (const p of plan) byFn.set(p.fn, [...(byFn.get(p.fn) ?? []), p]);
  return [...byFn.entries()].flatMap(([fn, items]) => {
    if (budget.check(tenantId, fn, items.length, lane).ok) return items;
    const one = budget.check(tenantId, fn, 1, lane);
    if (!one.ok) {
      refuse(fn, one.retryAt);
      return [];
    }
    return [{ fn, range: covering(items.map((i) => i.range)) }];
  });
}
