import type { CacheKey } from '../../src/graph/cache';
import type { BenchGraph } from './monitor-fixture';
import { METRICS } from '../../src/domain/catalog';
import { evaluationWindows, historyFetchWindows } from '../../src/cycle/windows';
import { BUCKET_MINUTES } from '../../src/monitor/detection-timing';

/**
 * Copies into tenant `to`'s lines what a default cold cycle at `now` would have fetched for it, each window taken
 * from the first of `sources` (tenants that ran that cycle) whose fetch covered it: each (metric, week) history
 * window runs on to its own day boundary, which differs between tenants, so one source rarely covers every window
 * of a target. A history window that no source covers to its end (its day boundary is later than any source's) gets
 * the longest part one covers, and the target's first warm cycle fetches the rest, as a cycle whose history day
 * turns does. The current window goes to the series cache, the history windows to the monitor's history store, as
 * the cycle keeps them. A large run's warm cycles can then be measured without the simulator computing whole
 * history days for every tenant first. Throws when no source covers a current window.
 */
export function cloneMonitorCache(
  graph: Pick<BenchGraph, 'cache' | 'history'>,
  sources: readonly string[],
  to: string,
  now: number,
): void {
  const current = evaluationWindows(now, BUCKET_MINUTES, 360);
  const key = (tenantId: string, fn: string): CacheKey => ({ tenantId, fn, intervalMinutes: BUCKET_MINUTES });
  for (const m of METRICS) {
    const [now0, ...history] = historyFetchWindows(to, m.fn, current, BUCKET_MINUTES);
    const from = sources.find((s) => graph.cache.read(key(s, m.fn), now0).unknown === 0);
    const cached = from && graph.cache.read(key(from, m.fn), now0);
    if (!cached || cached.fetchedAt === undefined)
      throw new Error(`no cold-cycle tenant has the current ${m.fn} window: poll more cold`);
    graph.cache.put(key(to, m.fn), cached.series, cached.fetchedAt);
    for (const w of history) {
      let best: { source: string; end: number } | undefined;
      for (const s of sources) {
        const end = graph.history.staleRange(key(s, m.fn), w, now)?.start ?? w.end;
        if (end > w.start && (!best || end > best.end)) best = { source: s, end };
        if (end === w.end) break;
      }
      if (!best) continue;
      const part = { start: w.start, end: best.end };
      const read = graph.history.read(key(best.source, m.fn), part);
      graph.history.put(key(to, m.fn), read.series, read.fetchedAt ?? now, part);
    }
  }
}
