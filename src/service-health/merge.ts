import type { HealthIssue, ServiceMessage, StatusChange } from './types';

/** Why an issue is reported as changed: first seen, a new post, a new status, resolved, or another edit. */
export type IssueChangeKind = 'new' | 'post' | 'status' | 'resolved' | 'edited';

/** An issue that differs from what Pulse knew, with what changed. */
export interface IssueChange {
  issue: HealthIssue;
  kinds: readonly IssueChangeKind[];
}

/** Same version of an issue: id plus `lastModifiedDateTime`, and (in case Graph edits without bumping it) status and post count. */
export function sameIssueVersion(a: HealthIssue, b: HealthIssue): boolean {
  return (
    a.lastModifiedDateTime === b.lastModifiedDateTime &&
    a.status === b.status &&
    a.isResolved === b.isResolved &&
    a.posts.length === b.posts.length
  );
}

function changeKinds(before: HealthIssue | undefined, after: HealthIssue): IssueChangeKind[] {
  if (!before) return ['new'];
  const kinds: IssueChangeKind[] = [];
  if (after.posts.length > before.posts.length) kinds.push('post');
  if (after.status !== before.status) kinds.push('status');
  if (after.isResolved && !before.isResolved) kinds.push('resolved');
  return kinds.length ? kinds : ['edited'];
}

/**
 * Pure merge of fetched issues into the known ones. `complete` means the fetch was a full listing (issues it lacks
 * have left Graph's history and are dropped); otherwise it was incremental and only adds or replaces. Unchanged
 * issues (same version) produce no change and keep their object, so nothing downstream does any work for them.
 */
export function mergeIssues(
  known: ReadonlyMap<string, HealthIssue>,
  fetched: readonly HealthIssue[],
  complete: boolean,
): { issues: Map<string, HealthIssue>; changes: IssueChange[]; dropped: string[] } {
  const changes: IssueChange[] = [];
  const issues = new Map(complete ? [] : known);
  for (const f of fetched) {
    const before = known.get(f.id);
    if (before && sameIssueVersion(before, f)) {
      issues.set(f.id, before);
      continue;
    }
    // An older version arriving late (a stale page) never replaces a newer one.
    if (before && before.lastModifiedDateTime > f.lastModifiedDateTime) {
      issues.set(f.id, before);
      continue;
    }
    issues.set(f.id, f);
    changes.push({ issue: f, kinds: changeKinds(before, f) });
  }
  const dropped = complete ? [...known.keys()].filter((id) => !issues.has(id)) : [];
  return { issues, changes, dropped };
}

/** Appends the issue's status to its history when it differs from the last one recorded. */
export function recordStatus(history: readonly StatusChange[], issue: HealthIssue): StatusChange[] {
  if (history.at(-1)?.status === issue.status) return [...history];
  return [...history, { status: issue.status, at: issue.lastModifiedDateTime }];
}

/** Merge for messages: replaced when `lastModifiedDateTime` moved; returns the ids that are new or changed. */
export function mergeMessages(
  known: ReadonlyMap<string, ServiceMessage>,
  fetched: readonly ServiceMessage[],
  complete: boolean,
): { messages: Map<string, ServiceMessage>; changed: string[] } {
  const messages = new Map(complete ? [] : known);
  const changed: string[] = [];
  for (const m of fetched) {
    const before = known.get(m.id);
    if (before && before.lastModifiedDateTime >= m.lastModifiedDateTime) messages.set(m.id, before);
    else {
      messages.set(m.id, m);
      changed.push(m.id);
    }
  }
  return { messages, changed };
}

/** The newest `lastModifiedDateTime` (epoch ms) among items, or `previous` when none is newer. */
export function highWaterMark(
  items: Iterable<{ lastModifiedDateTime: string }>,
  previous?: number,
): number | undefined {
  let hwm = previous;
  for (const i of items) {
    const t = Date.parse(i.lastModifiedDateTime);
    if (hwm === undefined || t > hwm) hwm = t;
  }
  return hwm;
}
