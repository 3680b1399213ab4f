import type { HealthIssue } from './types';

/** Open issues first, then the most recently updated. */
export function issueOrder(a: HealthIssue, b: HealthIssue): number {
  if (a.isResolved !== b.isResolved) return a.isResolved ? 1 : -1;
  return b.lastModifiedDateTime.localeCompare(a.lastModifiedDateTime);
}
