import type { IntervalMinutes } from '../domain/catalog-types';
import type { Series } from '../domain/series';
import type { MonitorMetrics } from '../graph/metrics-reader';
import type { FetchGroup } from './plan';
import { evaluationWindows, historyFetchWindows } from './windows';

/** Stage 2: every watched metric's current window and its four previous weeks, by metric. */
export interface FetchedSeries {
  series: Map<string, Series[]>;
  errors: string[];
  /** Some metric was throttled (429) or timed out: Graph or the network is pushing back. */
  congested: boolean;
}

/**
 * One batched, cache-aware fetch per identity. Each metric's history week is fetched to the end of its own history
 * day (once a day, at most one of them per cycle) and read back as the exact windows the baseline compares. A metric that fails is reported, not fatal: the
 * others are still judged.
 */
export async function fetchSeries(
  tenantId: string,
  now: number,
  fetches: readonly FetchGroup[],
  deps: { metrics: MonitorMetrics; interval: IntervalMinutes; windowMinutes: number },
): Promise<FetchedSeries> {
  const windows = evaluationWindows(now, deps.interval, deps.windowMinutes);
  const fetchWindows = (fn: string) => historyFetchWindows(tenantId, fn, windows, deps.interval);
  const out: FetchedSeries = { series: new Map(), errors: [], congested: false };
  for (const { token, fns } of fetches) {
    const results = await deps.metrics.seriesMany(
      tenantId,
      fns,
      fetchWindows,
      deps.interval,
      async () => token,
      windows,
    );
    for (const r of results) {
      if (r.ok) out.series.set(r.fn, r.series);
      else {
        out.errors.push(`${r.fn}: ${r.error.message}`);
        out.congested ||= r.error.kind === 'Throttled' || r.error.kind === 'Timeout';
      }
    }
  }
  return out;
}
