import { groupsOfHealthService } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { HealthIssue } from './types';

/** One conversation that gets Microsoft's issues: the service groups its subscriptions cover and which kinds. */
export interface IssueAudience {
  conversationId: string;
  /** `all`: every Microsoft service, also those Pulse has no telemetry for (Intune, Power BI …). */
  groups: readonly ServiceGroup[] | 'all';
  incidents: boolean;
  advisories: boolean;
}

/** What is stored per issue and tenant: the version of the issue each conversation's card was queued with. */
export interface IssueCardRecord {
  issueId: string;
  /** Conversation id → `issueVersion` of the card queued there. */
  sent: Readonly<Record<string, string>>;
  /** ISO instant of the last change (records of issues gone from Microsoft's history are pruned by it). */
  updatedAt: string;
}

/** Cards to queue for one issue: new cards, and cards to update in place (same card key). */
export interface IssueCardPlan {
  issue: HealthIssue;
  version: string;
  post: string[];
  update: string[];
}

/**
 * One version of an issue as a card shows it: id and `lastModifiedDateTime`, plus the fields a card shows that Graph
 * might change without moving `lastModifiedDateTime` (status, resolved, post count, classification).
 */
export function issueVersion(issue: HealthIssue): string {
  return [
    issue.id,
    issue.lastModifiedDateTime,
    issue.status,
    issue.isResolved ? 'resolved' : 'open',
    issue.posts.length,
    issue.classification,
  ].join('|');
}

/** One audience per conversation: the union of its subscriptions' groups and kinds. */
export function mergeAudiences(audiences: readonly IssueAudience[]): IssueAudience[] {
  const byConversation = new Map<string, IssueAudience>();
  for (const a of audiences) {
    if (!a.incidents && !a.advisories) continue;
    const known = byConversation.get(a.conversationId);
    if (!known) {
      byConversation.set(a.conversationId, { ...a, groups: a.groups === 'all' ? 'all' : [...a.groups] });
      continue;
    }
    const groups =
      known.groups === 'all' || a.groups === 'all' ? 'all' : [...new Set([...known.groups, ...a.groups])];
    byConversation.set(a.conversationId, {
      conversationId: a.conversationId,
      groups,
      incidents: known.incidents || a.incidents,
      advisories: known.advisories || a.advisories,
    });
  }
  return [...byConversation.values()];
}

/** The issue is on one of the audience's services (through the catalog's mapping). */
export function coversService(audience: IssueAudience, issue: HealthIssue): boolean {
  if (audience.groups === 'all') return true;
  const groups = audience.groups;
  return groupsOfHealthService(issue.service).some((g) => groups.includes(g));
}

/** The audience takes this kind of issue (an unknown classification counts as an incident). */
export function takesKind(audience: IssueAudience, issue: HealthIssue): boolean {
  return issue.classification === 'advisory' ? audience.advisories : audience.incidents;
}

/**
 * Which cards to queue (pure). For each issue and each conversation on its service:
 * - a conversation that has this version of the issue already gets nothing (dedupe on the stored record);
 * - one that has an older version gets the card updated in place, as long as it still gets Microsoft's issues for
 *   that service (also when the issue turned into a kind it did not ask for: its card must not stay stale);
 * - one without a card gets a new card only for an open issue of a kind it asked for: resolved issues from the
 *   history are never posted, and an advisory that becomes an incident is posted then.
 */
export function planIssueCards(
  issues: Iterable<HealthIssue>,
  records: ReadonlyMap<string, IssueCardRecord>,
  audiences: readonly IssueAudience[],
): IssueCardPlan[] {
  const merged = mergeAudiences(audiences);
  const plans: IssueCardPlan[] = [];
  for (const issue of issues) {
    const version = issueVersion(issue);
    const sent = records.get(issue.id)?.sent ?? {};
    const plan: IssueCardPlan = { issue, version, post: [], update: [] };
    for (const a of merged) {
      if (!coversService(a, issue)) continue;
      const had = sent[a.conversationId];
      if (had === version) continue;
      if (had !== undefined) plan.update.push(a.conversationId);
      else if (!issue.isResolved && takesKind(a, issue)) plan.post.push(a.conversationId);
    }
    if (plan.post.length || plan.update.length) plans.push(plan);
  }
  return plans.sort((a, b) => a.issue.startDateTime.localeCompare(b.issue.startDateTime));
}

/** The record after cards of `version` were queued in `conversations`. */
export function recordSent(
  record: IssueCardRecord | undefined,
  issueId: string,
  conversations: readonly string[],
  version: string,
  at: string,
): IssueCardRecord {
  const sent = { ...(record?.sent ?? {}) };
  for (const c of conversations) sent[c] = version;
  return { issueId, sent, updatedAt: at };
}

/**
 * Records to delete: issues Microsoft no longer lists whose record has not changed for `keepMs` (Microsoft keeps
 * about 30 days; a record kept longer guards against an issue that reappears in a late page).
 */
export function expiredRecords(
  records: ReadonlyMap<string, IssueCardRecord>,
  known: ReadonlyMap<string, HealthIssue>,
  now: number,
  keepMs: number,
): string[] {
  return [...records.values()]
    .filter((r) => !known.has(r.issueId) && now - Date.parse(r.updatedAt) > keepMs)
    .map((r) => r.issueId);
}

/** Open issues on a service group, incidents first, then the most recently updated (for correlation lines). */
export function openIssuesOfGroup(
  issues: Iterable<HealthIssue>,
  group: ServiceGroup | string,
): HealthIssue[] {
  return [...issues]
    .filter((i) => !i.isResolved && groupsOfHealthService(i.service).includes(group as ServiceGroup))
    .sort(
      (a, b) =>
        Number(b.classification === 'incident') - Number(a.classification === 'incident') ||
        b.lastModifiedDateTime.localeCompare(a.lastModifiedDateTime),
    );
}
