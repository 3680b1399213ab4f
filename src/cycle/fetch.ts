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
  /** Wall time of the fetches that called Graph (ms); absent when everything came from the cache. */
  graphMs?: number;
}

/**
 * One batched, cache-aware fetch per identity. Each metric's history week is fetched to the end of its own history
 * day (once a day, at most one of them per cycle) and read back as the exact windows the baseline compares. A metric
 * that fails is reported, not fatal: the others are still judged.
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
    // The token is asked for only when a request is sent: a fetch that never asks was served from the cache.
    let calledGraph = false;
    const started = performance.now();
    const results = await deps.metrics.seriesMany(
      tenantId,
      fns,
      fetchWindows,
      deps.interval,
      async () => {
        calledGraph = true;
        return token;
      },
      windows,
    );
    if (calledGraph) out.graphMs = (out.graphMs ?? 0) + (performance.now() - started);
    for (const r of results) {
      if (r.ok) {
        out.series.set(r.fn, r.series);
        // Cached data served because the refresh was throttled or timed out: Graph is pushing back all the same.
        out.congested ||= isCongestion(r.stale?.reason);
      } else {
        out.errors.push(`${r.fn}: ${r.error.message}`);
        out.congested ||= isCongestion(r.error.kind);
      }
    }
  }
  return out;
}

function isCongestion(kind: string | undefined): boolean {
  return kind === 'Throttled' || kind === 'Timeout';
}
