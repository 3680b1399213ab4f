import {
  CardFactory,
  MessageFactory,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { DeliveryError, type Notifier } from '../delivery/notifier';

/**
 * Proactive posts and in-place updates through the CloudAdapter (continueConversationAsync): the one path that
 * changes a posted message, for the outbox's alert cards and for a card action answered after Teams stopped waiting. Failures are caught
 * inside the callback (the adapter's onTurnError would otherwise swallow them, or answer into the conversation) and
 * surfaced as DeliveryError with the connector's status and Retry-After, for the outbox to decide.
 */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async post(reference: Record<string, unknown>, card: object): Promise<string> {
    let id = '';
    await this.run(reference, async (send) => {
      const res = await send.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      id = res?.id ?? '';
    });
    return id;
  }

  async update(reference: Record<string, unknown>, activityId: string, card: object): Promise<void> {
    await this.replace(reference, activityId, MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  /** Replaces a posted message with `activity` (a card or text) in place. */
  async replace(
    reference: Record<string, unknown>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void> {
    await this.run(reference, async (ctx) => {
      await ctx.updateActivity({ ...activity, id: activityId });
    });
  }

  private async run(
    reference: Record<string, unknown>,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        reference as Partial<ConversationReference>,
        async (ctx) => {
          try {
            await logic(ctx);
          } catch (err) {
            failure = err;
          }
        },
      );
    } catch (err) {
      failure = err;
    }
    if (failure) throw toDeliveryError(failure);
  }
}

/** The connector's RestError (status, Retry-After) or a network failure as a DeliveryError. */
export function toDeliveryError(err: unknown): DeliveryError {
  const e = err as {
    statusCode?: number;
    message?: string;
    response?: { headers?: { get?(h: string): string | undefined } };
  };
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  const retryAfterMs = Number.isFinite(seconds)
    ? seconds * 1_000
    : retryAfter
      ? Math.max(0, Date.parse(retryAfter) - Date.now())
      : undefined;
  return new DeliveryError(
    e.message ?? String(err),
    e.statusCode,
    Number.isNaN(retryAfterMs) ? undefined : retryAfterMs,
  );
}
