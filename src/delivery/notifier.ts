/** Posts and updates cards in a conversation the bot is installed in, from outside any turn. */
export interface Notifier {
  /** Posts a card; resolves with the new message's activity id (needed to update it later). */
  post(reference: Record<string, unknown>, card: object): Promise<string>;
  /** Replaces the card of an earlier message in place. */
  update(reference: Record<string, unknown>, activityId: string, card: object): Promise<void>;
}

/** A failed send, with what the Bot Connector said: the outbox decides from it whether and when to retry. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** HTTP status from the connector; undefined for network failures. */
    readonly status?: number,
    /** The connector's Retry-After, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  /** 429, 412, 502, 504 (Teams' documented retryable answers), other 5xx and network failures. */
  get retryable(): boolean {
    return this.status === undefined || [408, 412, 429].includes(this.status) || this.status >= 500;
  }

  /** 403/404: the bot was removed from the conversation (or it no longer exists): stop sending there. */
  get gone(): boolean {
    return this.status === 403 || this.status === 404;
  }
}
