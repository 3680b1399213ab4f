import type { Outbox } from '../delivery/outbox';
import type { CardToSend } from './decide';
import type { PauseNeed } from './plan';
import type { AlertCards, WatchedConversation } from './types';

/**
 * Stage 5: renders each decided card and puts it in the outbox, keyed by its incident group so a later card for the
 * same group replaces the posted message in place. The outbox sends it (held until quiet hours end).
 */
export async function queueAlertCards(
  tenantId: string,
  sends: readonly CardToSend[],
  now: number,
  deps: { outbox: Outbox; cards: AlertCards },
): Promise<number> {
  for (const s of sends) {
    const card = deps.cards.group({
      group: s.group,
      charts: s.charts,
      rules: s.rules,
      now,
      timeZone: s.timeZone,
      locale: s.locale,
    });
    await deps.outbox.enqueue(
      { tenantId, conversationId: s.conversationId, cardKey: s.group.key, card },
      s.holdUntil,
    );
  }
  return sends.length;
}

/** Stage 5: one card into each newly paused subscription's conversation, naming who must sign in. */
export async function queuePausedCards(
  paused: readonly { sub: WatchedConversation; need: PauseNeed }[],
  now: number,
  deps: { outbox: Outbox; cards: AlertCards },
): Promise<number> {
  for (const { sub, need } of paused) {
    const admins = need.admins.map((a) => a.name ?? a.oid);
    const card = deps.cards.paused({ sub, admins, reason: need.reason, now });
    await deps.outbox.enqueue({
      tenantId: sub.tenantId,
      conversationId: sub.conversationId,
      cardKey: `paused|${sub.id}`,
      card,
    });
  }
  return paused.length;
}
