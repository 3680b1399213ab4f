import type { MsRange, SeriesCache } from '../../src/graph/cache';
import { METRICS } from '../../src/graph/catalog';
import { evaluationWindows } from '../../src/monitor/runner/tenant-cycle';

const DAY_MS = 24 * 3_600_000;

/** The windows a default monitor cycle at `now` fetches: the 6-hour window and its 4 history weeks as whole days. */
export function monitorFetchWindows(now: number): MsRange[] {
  const [current, ...history] = evaluationWindows(now, 15, 360);
  const days = history.map((w) => ({
    start: Math.floor(w.start / DAY_MS) * DAY_MS,
    end: Math.ceil(w.end / DAY_MS) * DAY_MS,
  }));
  return [current, ...days];
}

/**
 * Copies what a cold cycle at `now` fetched for tenant `from` into tenant `to`'s lines, as if fetched at the same
 * time: a large run's warm cycles can then be measured without the simulator computing whole history days for every
 * tenant first. Throws when `from` lacks any of it.
 */
export function cloneMonitorCache(cache: SeriesCache, from: string, to: string, now: number): void {
  for (const m of METRICS) {
    for (const w of monitorFetchWindows(now)) {
      const cached = cache.read({ tenantId: from, fn: m.fn, intervalMinutes: 15 }, w);
      if (cached.unknown > 0 || cached.fetchedAt === undefined)
        throw new Error(`${from} has no complete ${m.fn} cache for ${new Date(w.start).toISOString()}`);
      cache.put({ tenantId: to, fn: m.fn, intervalMinutes: 15 }, cached.series, cached.fetchedAt);
    }
  }
}
