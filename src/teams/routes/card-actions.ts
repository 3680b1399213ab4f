import { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CARD_VERBS, respondToAction, updatingReply } from '../../commands/actions';
import type { Reply } from '../../commands/reply';
import type { Identity } from '../../auth/identity';
import type { AlertStores } from '../../alerts/alert-stores';
import type { GraphServices } from '../../graph/graph-services';
import type { Logger } from '../../log/logger';
import type { AlertActionDeps } from '../../alerts/act-on-alert';
import type { ProactiveNotifier } from '../proactive-notifier';
import { toActivity } from '../reply-activity';
import { commandContextOf, loggerOf } from '../turn-context';
import { commandServicesOf } from '../turn-services';
import type { StatusCardMemo } from '../../commands/status-memo';

/** Teams waits about 5 s for a card action's answer; leave room for the round trip. */
export const INVOKE_BUDGET_MS = 4_000;

/**
 * Card buttons, alert buttons and the board's refresh (Action.Execute), translated into `commands/`' card actions;
 * the answer replaces the card. When the data takes longer
 * than Teams waits, the card shows "Updating…" at once and is updated in place when the data arrives.
 */
export function registerCardActions(
  app: Application<TurnState>,
  deps: {
    identity: Identity;
    graph: GraphServices;
    alerts?: AlertStores;
    statusCards?: StatusCardMemo;
    alerting?: AlertActionDeps;
    logger: Logger;
    /** Replaces a card answered "Updating…" when the data arrives (the same path as alert card updates). */
    messages: ProactiveNotifier;
    budgetMs?: number;
  },
): void {
  const verbs = new Set<string>(CARD_VERBS);
  app.adaptiveCards.actionExecute(
    async (ctx) => verbs.has(String((ctx.activity.value as { action?: { verb?: string } })?.action?.verb)),
    async (ctx, _state, data) => {
      const verb = String((ctx.activity.value as { action: { verb: string } }).action.verb);
      const work = respondToAction(
        verb,
        (data ?? {}) as Record<string, unknown>,
        commandContextOf(ctx),
        commandServicesOf(ctx, deps),
      );
      const late = Symbol('late');
      const first = await Promise.race([work, delay(deps.budgetMs ?? INVOKE_BUDGET_MS).then(() => late)]);
      if (first !== late) return cardOrText(first as Reply);
      void updateLater(deps.messages, ctx, work, loggerOf(ctx, deps.logger));
      return cardOrText(updatingReply());
    },
  );
}

/** Replaces the card that was answered "Updating…" once the data arrives, the way alert cards are updated. */
async function updateLater(
  messages: ProactiveNotifier,
  ctx: TurnContext,
  work: Promise<Reply>,
  logger: Logger,
) {
  const reference = TurnContext.getConversationReference(ctx.activity) as Record<string, unknown>;
  const messageId = ctx.activity.replyToId;
  try {
    const reply = await work;
    if (!messageId) return;
    await messages.replace(reference, messageId, toActivity(reply));
  } catch (err) {
    logger.error({ err }, 'could not update a card after a slow card action');
  }
}

function cardOrText(reply: Reply) {
  return reply.card ?? reply.text ?? '';
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
