import type { MetricsApiError, MetricsErrorKind } from './errors';
import { formatUtc, formatUtcSeconds } from '../domain/window';

/** Attached when cached data is served because a refresh was not possible; shown in cards. */
export interface StaleNote {
  /** When the served data was fetched (ISO). */
  since: string;
  reason: MetricsErrorKind;
  /** When a refresh may succeed (budget or throttling), ISO. */
  retryAfter?: string;
  message: string;
}

/** Builds the "stale since" note for data cached at `fetchedAt` that could not be refreshed because of `error`. */
export function staleNote(error: MetricsApiError, fetchedAt: number, unknownBuckets = 0): StaleNote {
  const retryAfter = 'retryAfter' in error && error.retryAfter instanceof Date ? error.retryAfter : undefined;
  const why =
    error.kind === 'Throttled'
      ? `${
          (error as { source?: string }).source === 'budget'
            ? 'the Microsoft Graph request budget for this metric is used up'
            : 'Microsoft Graph is throttling requests'
        }${retryAfter ? ` until ${formatUtcSeconds(retryAfter.getTime())}` : ''}.`
      : error.kind === 'Network'
        ? 'Microsoft Graph could not be reached.'
        : error.kind === 'Timeout'
          ? 'Microsoft Graph did not answer in time.'
          : 'Microsoft Graph had a service problem.';
  const missing =
    unknownBuckets > 0 ? ` ${unknownBuckets} bucket(s) were never fetched and show as gaps.` : '';
  return {
    since: new Date(fetchedAt).toISOString(),
    reason: error.kind,
    retryAfter: retryAfter?.toISOString(),
    message: `Showing data cached at ${formatUtc(fetchedAt)}: ${why}${missing}`,
  };
}
