import type { CacheKey } from '../../src/graph/cache';
import type { BenchGraph } from './monitor-fixture';
import { METRICS } from '../../src/domain/catalog';
import { evaluationWindows, historyFetchWindows } from '../../src/cycle/windows';
import { BUCKET_MINUTES } from '../../src/monitor/detection-timing';

/**
 * Copies into tenant `to`'s lines what a default cold cycle at `now` would have fetched for it, each window taken
 * from the first of `sources` (tenants that ran that cycle) whose fetch covered it: each (metric, week) history
 * window runs on to its own day boundary, which differs between tenants, so one source rarely covers every window
 * of a target (some targets have none that does). The current window goes to the series cache, the history windows
 * to the monitor's history store, as the cycle keeps them. A large run's warm cycles can then be measured without
 * the simulator computing whole history days for every tenant first. Throws when no source covers a window.
 */
export function cloneMonitorCache(
  graph: Pick<BenchGraph, 'cache' | 'history'>,
  sources: readonly string[],
  to: string,
  now: number,
): void {
  const current = evaluationWindows(now, BUCKET_MINUTES, 360);
  const key = (tenantId: string, fn: string): CacheKey => ({ tenantId, fn, intervalMinutes: BUCKET_MINUTES });
  const store = (i: number) => (i === 0 ? graph.cache : graph.history);
  for (const m of METRICS) {
    for (const [i, w] of historyFetchWindows(to, m.fn, current, BUCKET_MINUTES).entries()) {
      let cached: ReturnType<(typeof graph)['cache']['read']> | undefined;
      for (const s of sources) {
        const read = store(i).read(key(s, m.fn), w);
        if (read.unknown === 0 && read.fetchedAt !== undefined) {
          cached = read;
          break;
        }
      }
      if (!cached)
        throw new Error(
          `no cold-cycle tenant covers ${m.fn} from ${new Date(w.start).toISOString()}: poll more cold`,
        );
      store(i).put(key(to, m.fn), cached.series, cached.fetchedAt ?? now);
    }
  }
}
