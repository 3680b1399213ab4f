import { MAX_BATCH_SIZE } from './batch';
import type { MsRange } from '../domain/series';

/** Ranges one function still needs fetched. */
export interface FnNeed {
  fn: string;
  ranges: MsRange[];
}

/** One planned Graph query (a GET or a batch item). */
export interface PlannedFetch {
  fn: string;
  range: MsRange;
}

/**
 * `fewer-requests` (default) merges ranges when that saves HTTP requests; `less-data` never merges (more requests,
 * far fewer buckets: no week of data per metric on a cold status).
 */
export type FetchPreference = 'fewer-requests' | 'less-data';

/** HTTP requests needed for `items` queries: one GET for a single query, else one `$batch` per 20. */
export function requestsFor(items: number): number {
  return items <= 1 ? items : Math.ceil(items / MAX_BATCH_SIZE);
}

/** The smallest range covering all of `ranges`. */
export function covering(ranges: readonly MsRange[]): MsRange {
  return { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) };
}

const span = (ranges: readonly MsRange[]) => ranges.reduce((sum, r) => sum + r.end - r.start, 0);

/**
 * Pure: turns per-function needs into queries using the fewest HTTP requests, then the least extra data. Ranges stay
 * separate unless merging a function's ranges into one covering range is needed to reach the minimum request count;
 * then the functions whose merge adds the least span are merged first. Example: 39 cold metrics × (now, same time
 * last week) = 78 queries = 4 batches; merged, 39 covering windows = 2 batches (and a week of buckets for the cache).
 */
export function planFetches(
  needs: readonly FnNeed[],
  prefer: FetchPreference = 'fewer-requests',
): PlannedFetch[] {
  const active = needs.filter((n) => n.ranges.length > 0);
  if (prefer === 'less-data') return active.flatMap((n) => n.ranges.map((range) => ({ fn: n.fn, range })));
  const target = requestsFor(active.length);
  let items = active.reduce((sum, n) => sum + n.ranges.length, 0);
  const merged = new Set<string>();
  const byExtraSpan = active
    .filter((n) => n.ranges.length > 1)
    .map((n) => ({
      fn: n.fn,
      extra: span([covering(n.ranges)]) - span(n.ranges),
      saves: n.ranges.length - 1,
    }))
    .sort((a, b) => a.extra - b.extra);
  for (const candidate of byExtraSpan) {
    if (requestsFor(items) <= target) break;
    merged.add(candidate.fn);
    items -= candidate.saves;
  }
  return active.flatMap((n) =>
    merged.has(n.fn)
      ? [{ fn: n.fn, range: covering(n.ranges) }]
      : n.ranges.map((range) => ({ fn: n.fn, range })),
  );
}
