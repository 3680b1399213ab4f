import type { CacheKey } from '../../src/graph/cache';
import type { BenchGraph } from './monitor-fixture';
import { METRICS } from '../../src/domain/catalog';
import { evaluationWindows, historyFetchWindows } from '../../src/cycle/windows';
import { BUCKET_MINUTES } from '../../src/monitor/detection-timing';

/**
 * Copies into tenant `to`'s lines what a default cold cycle at `now` would have fetched for it, taken from the first
 * of `sources` (tenants that ran that cycle) whose fetch covered it: each tenant's history runs on to its own day
 * boundary, so not every source covers every target. The current window goes to the series cache, the history
 * windows to the monitor's history store, as the cycle keeps them. A large run's warm cycles can then be measured without the
 * simulator computing whole history days for every tenant first. Throws when no source covers the target.
 */
export function cloneMonitorCache(
  graph: Pick<BenchGraph, 'cache' | 'history'>,
  sources: readonly string[],
  to: string,
  now: number,
): string {
  const current = evaluationWindows(now, BUCKET_MINUTES, 360);
  const windows = (fn: string) => historyFetchWindows(to, fn, current, BUCKET_MINUTES);
  const key = (tenantId: string, fn: string): CacheKey => ({ tenantId, fn, intervalMinutes: BUCKET_MINUTES });
  const store = (i: number) => (i === 0 ? graph.cache : graph.history);
  const covers = (s: string) =>
    METRICS.every((m) => windows(m.fn).every((w, i) => store(i).read(key(s, m.fn), w).unknown === 0));
  const from = sources.find(covers);
  if (!from) throw new Error(`no cold-cycle tenant covers what ${to} would have fetched: poll more cold`);
  for (const m of METRICS) {
    for (const [i, w] of windows(m.fn).entries()) {
      const cached = store(i).read(key(from, m.fn), w);
      if (cached.unknown > 0 || cached.fetchedAt === undefined)
        throw new Error(`${from} has no complete ${m.fn} cache for ${new Date(w.start).toISOString()}`);
      store(i).put(key(to, m.fn), cached.series, cached.fetchedAt);
    }
  }
  return from;
}
