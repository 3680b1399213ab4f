import type { IssueCardStore } from '../alerts/issue-card-store';
import { telemetryLines } from '../cards/health-correlation';
import { buildIncidentCard } from '../cards/incident-card';
import { DEFAULT_LOCALE } from '../cards/format';
import type { Outbox } from '../delivery/outbox';
import {
  groupsOfHealthService,
  metricsOfService,
  serviceById,
  SERVICE_HEALTH_PERMISSIONS,
} from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { MonitorHealthSnapshot, MonitorServiceHealth, StatusReport } from '../graph/metrics-reader';
import { isQuietAt, quietEndsAt } from '../monitor/quiet-hours';
import { groupsOfScope } from '../alerts/subscription';
import {
  expiredRecords,
  planIssueCards,
  type IssueAudience,
  type IssueCardPlan,
} from '../service-health/issue-cards';
import type { HealthIssue, StatusChange } from '../service-health/types';
import type { CredentialSource, MonitorConfigSource, MonitorMetrics, WatchedConversation } from './types';

/** Dedupe records of issues Microsoft no longer lists are kept this long after their last change. */
export const ISSUE_RECORD_KEEP_MS = 40 * 24 * 3_600_000;

/** The card key of a Microsoft issue: one card per issue per conversation, updated in place. */
export function issueCardKey(issueId: string): string {
  return `msissue|${issueId}`;
}

/** Renders a Microsoft issue card; injected so the cycle does not depend on card layout. */
export type IssueCardRenderer = (input: {
  issue: HealthIssue;
  history: readonly StatusChange[];
  telemetry: readonly string[];
  now: number;
  timeZone: string;
  locale: string;
}) => object;

/** The issue card `incident <id>` shows, with the tenant's matching telemetry. */
export const renderIssueCard: IssueCardRenderer = ({ issue, history, telemetry, now, timeZone, locale }) =>
  buildIncidentCard({ detail: { issue, history }, telemetry, now: new Date(now), timeZone, locale });

export interface HealthCycleDeps {
  config: MonitorConfigSource;
  health: MonitorServiceHealth;
  credential: CredentialSource;
  records: IssueCardStore;
  outbox: Outbox;
  /** For the telemetry lines on issue cards; without it the cards show Microsoft's side only. */
  metrics?: MonitorMetrics;
  render?: IssueCardRenderer;
}

/** One tenant's service health round, for logs and the benchmark. */
export interface HealthCycleReport {
  tenantId: string;
  /** Conversations that get Microsoft's issues. */
  audiences: number;
  /** Known issues after the poll. */
  issues: number;
  /** Nothing changed since the last round (issues and audiences): no store read, no card. */
  unchanged: boolean;
  cardsPosted: number;
  cardsUpdated: number;
  errors: string[];
}

/**
 * Microsoft's issues for the monitor, one tenant at a time: polls service health with the monitor's identity
 * (app-only, else a subscribing admin's delegated token, chosen as for telemetry), and queues one card per issue per
 * subscribed conversation through the outbox, updated in place (same card key) when Microsoft posts, changes the
 * status or resolves it, held during the conversation's quiet hours. The per-issue records in the store (issue id and
 * version per conversation) make this exactly-once across restarts and instances; when neither the issues nor the
 * audiences changed since the last round, nothing is read from the store at all.
 */
export class HealthCycle {
  /** Per tenant: the issues map and audiences of the last complete round. */
  private readonly seen = new Map<string, { issues: ReadonlyMap<string, HealthIssue>; audiences: string }>();

  constructor(private readonly deps: HealthCycleDeps) {}

  async run(tenantId: string, now: number): Promise<HealthCycleReport> {
    const report: HealthCycleReport = {
      tenantId,
      audiences: 0,
      issues: 0,
      unchanged: false,
      cardsPosted: 0,
      cardsUpdated: 0,
      errors: [],
    };
    const subs = (await this.deps.config.subscriptions(tenantId)).filter(
      (s) => s.microsoft?.incidents !== false || s.microsoft?.advisories === true,
    );
    const audiences = subs.map(audienceOf);
    report.audiences = new Set(subs.map((s) => s.conversationId)).size;
    if (!subs.length) {
      this.seen.delete(tenantId.toLowerCase());
      return report;
    }
    const admins = uniqueAdmins(subs);
    let credential;
    try {
      credential = await this.deps.credential(tenantId, SERVICE_HEALTH_PERMISSIONS.health, admins);
    } catch (err) {
      report.errors.push(`credential: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      return report;
    }
    if (credential.kind === 'none') {
      report.errors.push(`no identity can read service health: ${credential.reason}`);
      return report;
    }
    const token = credential.token;
    let health: MonitorHealthSnapshot;
    try {
      health = await this.deps.health.poll(tenantId, async () => token);
    } catch (err) {
      report.errors.push(`service health: ${err instanceof Error ? err.message : String(err)}`);
      return report;
    }
    if (health.error) report.errors.push(`service health (older data kept): ${health.error.message}`);
    report.issues = health.issues.size;
    const audienceKey = JSON.stringify(audiences);
    const last = this.seen.get(tenantId.toLowerCase());
    if (last && last.issues === health.issues && last.audiences === audienceKey) {
      report.unchanged = true;
      return report;
    }
    const records = await this.deps.records.list(tenantId);
    const plans = planIssueCards(health.issues.values(), records, audiences);
    for (const plan of plans) await this.queue(tenantId, plan, subs, health, now, report);
    await this.deps.records.remove(
      tenantId,
      expiredRecords(records, health.issues, now, ISSUE_RECORD_KEEP_MS),
    );
    this.seen.set(tenantId.toLowerCase(), { issues: health.issues, audiences: audienceKey });
    return report;
  }

  /** Queues the plan's cards (each conversation in its own zone, held in its quiet hours), then records them. */
  private async queue(
    tenantId: string,
    plan: IssueCardPlan,
    subs: readonly WatchedConversation[],
    health: MonitorHealthSnapshot,
    now: number,
    report: HealthCycleReport,
  ): Promise<void> {
    const render = this.deps.render ?? renderIssueCard;
    const telemetry = await this.telemetry(tenantId, plan.issue, subs, report);
    const history = health.statusHistory.get(plan.issue.id) ?? [];
    const conversations = [...plan.post, ...plan.update];
    for (const conversationId of conversations) {
      const sub = subs.find((s) => s.conversationId === conversationId);
      const quiet = sub?.quiet;
      const timeZone = sub?.timeZone ?? quiet?.timeZone ?? 'UTC';
      const locale = sub?.locale ?? DEFAULT_LOCALE;
      const card = render({
        issue: plan.issue,
        history,
        telemetry: telemetry(locale),
        now,
        timeZone,
        locale,
      });
      const holdUntil = quiet && isQuietAt(quiet, now) ? quietEndsAt(quiet, now) : undefined;
      await this.deps.outbox.enqueue(
        { tenantId, conversationId, cardKey: issueCardKey(plan.issue.id), card },
        holdUntil,
      );
    }
    // Queued first, recorded second: a stop in between queues the same version again, which the outbox sends as
    // an update of the card already posted (same key), never as a second card.
    await this.deps.records.markSent(
      tenantId,
      plan.issue.id,
      conversations,
      plan.version,
      new Date(now).toISOString(),
    );
    report.cardsPosted += plan.post.length;
    report.cardsUpdated += plan.update.length;
  }

  /**
   * The tenant's telemetry on the issue's service groups ("Mail delivery … 62 % below last week"), read with the
   * identity the telemetry cycle would use for each group's permission; nothing when none can be read.
   */
  private async telemetry(
    tenantId: string,
    issue: HealthIssue,
    subs: readonly WatchedConversation[],
    report: HealthCycleReport,
  ): Promise<(locale: string) => string[]> {
    const none = () => [];
    const metrics = this.deps.metrics;
    const groups = groupsOfHealthService(issue.service);
    if (!metrics || !groups.length) return none;
    const byToken = new Map<string, string[]>();
    for (const group of groups) {
      const permission = serviceById(group)?.permission;
      if (!permission) continue;
      try {
        const c = await this.deps.credential(tenantId, permission, uniqueAdmins(subs));
        if (c.kind === 'none') continue;
        byToken.set(c.token, [...(byToken.get(c.token) ?? []), ...metricsOfService(group).map((m) => m.fn)]);
      } catch {
        continue;
      }
    }
    const parts: StatusReport[] = [];
    for (const [token, fns] of byToken) {
      try {
        parts.push(await metrics.status(tenantId, fns, async () => token));
      } catch (err) {
        report.errors.push(`telemetry for ${issue.id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (!parts.length) return none;
    const merged = { ...parts[0], metrics: parts.flatMap((p) => p.metrics) };
    return (locale) => telemetryLines(merged, groups, locale);
  }
}

/** What one subscription brings of Microsoft's issues. */
export function audienceOf(sub: WatchedConversation): IssueAudience {
  return {
    conversationId: sub.conversationId,
    groups: sub.scope.kind === 'all' ? 'all' : (groupsOfScope(sub.scope) as ServiceGroup[]),
    incidents: sub.microsoft?.incidents ?? true,
    advisories: sub.microsoft?.advisories ?? false,
  };
}

function uniqueAdmins(subs: readonly WatchedConversation[]) {
  const seen = new Map<string, WatchedConversation['admin']>();
  for (const s of subs) seen.set(`${s.admin.tenantId}|${s.admin.oid}`, s.admin);
  return [...seen.values()];
}
