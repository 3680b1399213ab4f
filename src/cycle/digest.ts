import type { Outbox } from '../delivery/outbox';
import { parseClockTime } from '../domain/time';
import { fnsInScope } from '../monitor/rule-scope';
import { nextDailyAt } from '../monitor/schedule';
import type { AlertCards, MonitorConfigSource, MonitorMetrics, WatchedConversation } from './types';

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

/**
 * Posts the status card of each subscription whose digest is due (`digest daily 09:00 Europe/Berlin`), read with
 * the monitor's identity, and records when it was sent so it goes out once a day. A new message every day.
 */
export async function sendDueDigests(
  tenantId: string,
  subs: readonly WatchedConversation[],
  now: number,
  token: (() => Promise<string>) | undefined,
  deps: { config: MonitorConfigSource; metrics: MonitorMetrics; outbox: Outbox; cards: AlertCards },
): Promise<number> {
  let sent = 0;
  for (const sub of subs.filter((s) => digestDue(s, now))) {
    if (!token) continue;
    const report = await deps.metrics.status(tenantId, fnsInScope(sub.scope), token);
    const card = deps.cards.digest({ report, now, timeZone: sub.digest!.timeZone, locale: sub.locale });
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
