import type { SeriesCache } from '../../src/graph/cache';
import { METRICS } from '../../src/domain/catalog';
import { evaluationWindows, historyFetchWindows } from '../../src/cycle/windows';

/**
 * Copies into tenant `to`'s lines what a default cold cycle at `now` would have fetched for it, taken from the first
 * of `sources` (tenants that ran that cycle) whose fetch covered it: each tenant's history runs on to its own day
 * boundary, so not every source covers every target. A large run's warm cycles can then be measured without the
 * simulator computing whole history days for every tenant first. Throws when no source covers the target.
 */
export function cloneMonitorCache(
  cache: SeriesCache,
  sources: readonly string[],
  to: string,
  now: number,
): string {
  const windows = historyFetchWindows(to, evaluationWindows(now, 15, 360), 15);
  const key = (tenantId: string, fn: string) => ({ tenantId, fn, intervalMinutes: 15 as const });
  const from = sources.find((s) => windows.every((w) => cache.read(key(s, METRICS[0].fn), w).unknown === 0));
  if (!from) throw new Error(`no cold-cycle tenant covers what ${to} would have fetched: poll more cold`);
  for (const m of METRICS) {
    for (const w of windows) {
      const cached = cache.read(key(from, m.fn), w);
      if (cached.unknown > 0 || cached.fetchedAt === undefined)
        throw new Error(`${from} has no complete ${m.fn} cache for ${new Date(w.start).toISOString()}`);
      cache.put(key(to, m.fn), cached.series, cached.fetchedAt);
    }
  }
  return from;
}
