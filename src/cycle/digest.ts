import { buildStatusCard } from '../cards/status-card';
import type { Outbox } from '../delivery/outbox';
import { parseClockTime } from '../domain/time';
import { fnsInScope } from '../monitor/rule-scope';
import { nextDailyAt } from '../monitor/schedule';
import type { MonitorHealthSnapshot, MonitorServiceHealth } from '../graph/metrics-reader';
import { groupsOfScope } from '../alerts/subscription';
import { statusHealthSection } from '../cards/status-health';
import { issueOrder } from '../service-health/issue-order';
import type { HealthView } from '../service-health/reader';
import type { MonitorConfigSource, MonitorMetrics, WatchedConversation } from './types';

/**
 * When a subscription's daily digest is due: the first `at` (in its zone) after the last one sent, or after it was
 * set up. Nothing is due when it has no digest.
 */
export function digestDue(sub: WatchedConversation, now: number): boolean {
  const at = sub.digest && parseClockTime(sub.digest.at);
  if (!sub.digest || !at) return false;
  const since = Date.parse(sub.digest.lastSentAt ?? sub.digest.since);
  return nextDailyAt(since, at, sub.digest.timeZone) <= now;
}

/** What a digest reads and where it queues the card. */
export interface DigestDeps {
  config: MonitorConfigSource;
  metrics: MonitorMetrics;
  outbox: Outbox;
  /** Microsoft's service health as last polled: the digest lists the open incidents next to the telemetry. */
  health?: MonitorServiceHealth;
}

/**
 * The digest's Microsoft part: each service group's state and the open incidents and advisories of the
 * subscription's services, as the monitor last polled them; nothing before the tenant's first poll.
 */
export function microsoftPart(
  health: MonitorHealthSnapshot | undefined,
  sub: WatchedConversation,
  now: number,
): object[] | undefined {
  if (!health) return undefined;
  const groups = groupsOfScope(sub.scope);
  const view: HealthView = {
    tenantId: health.tenantId,
    issues: [...health.issues.values()].sort(issueOrder),
    overviews: health.overviews,
    asOf: health.issuesAt,
    staleReason: health.error?.message,
  };
  return statusHealthSection({
    health: { view },
    service: sub.scope.kind === 'all' || groups.length !== 1 ? undefined : groups[0],
    now: new Date(now),
  });
}

/**
 * Posts the status card of each subscription whose digest is due (`digest daily 09:00 Europe/Berlin`), read with
 * the monitor's identity, and records when it was sent so it goes out once a day. A new message every day.
 */
export async function sendDueDigests(
  tenantId: string,
  subs: readonly WatchedConversation[],
  now: number,
  token: (() => Promise<string>) | undefined,
  deps: DigestDeps,
): Promise<number> {
  let sent = 0;
  for (const sub of subs.filter((s) => digestDue(s, now))) {
    if (!token) continue;
    const report = await deps.metrics.status(tenantId, fnsInScope(sub.scope), token);
    const card = buildStatusCard({
      report,
      now: new Date(now),
      timeZone: sub.digest!.timeZone,
      health: microsoftPart(deps.health?.known(tenantId), sub, now),
    });
    const day = new Date(now).toISOString().slice(0, 10);
    await deps.outbox.enqueue({
      tenantId,
      conversationId: sub.conversationId,
      cardKey: `digest|${sub.id}|${day}`,
      card,
    });
    await deps.config.setDigestSent(sub, new Date(now).toISOString());
    sent++;
  }
  return sent;
}
