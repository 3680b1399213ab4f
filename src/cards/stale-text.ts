import type { StaleNote } from '../graph/metrics-reader';
import { formatLocalTime, formatRelative } from './format';

const WHY: Record<string, string> = {
  Throttled: 'Microsoft Graph is throttling requests',
  Network: 'Microsoft Graph could not be reached',
  Timeout: 'Microsoft Graph did not answer in time',
};

/**
 * One line per distinct reason for cached data, in the user's zone:
 * `Cached numbers (3 metrics) from 14:05, 10 min ago: Microsoft Graph is throttling requests until 14:20.`
 */
export function staleLines(
  notes: readonly StaleNote[],
  now: Date,
  timeZone: string,
  locale: string,
): string[] {
  const byReason = new Map<string, StaleNote[]>();
  for (const n of notes) byReason.set(n.reason, [...(byReason.get(n.reason) ?? []), n]);
  return [...byReason].map(([reason, group]) => {
    const since = Math.min(...group.map((n) => Date.parse(n.since)));
    const latest = Math.max(...group.map((n) => (n.retryAfter ? Date.parse(n.retryAfter) : 0)));
    const retry = Math.ceil(latest / 60_000) * 60_000;
    const count =
      notes.length > 1 || group.length > 1 ? ` (${group.length} metric${group.length > 1 ? 's' : ''})` : '';
    const until = retry > 0 ? ` until ${formatLocalTime(retry, now, timeZone, locale)}` : '';
    const why = WHY[reason] ?? 'Microsoft Graph had a service problem';
    return (
      `Cached numbers${count} from ${formatLocalTime(since, now, timeZone, locale)}, ${formatRelative(since, now)}: ` +
      `${why}${until}.`
    );
  });
}
