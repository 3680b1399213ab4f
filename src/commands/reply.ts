import type { AdaptiveCard } from '../cards/adaptive-card';

/** What a command answers with, independent of the bot SDK: text, a card, or both. */
export interface Reply {
  text?: string;
  card?: AdaptiveCard;
}

/** Who asked, where, and when: everything a command handler may know about the turn. */
export interface CommandContext {
  tenantId: string;
  user: { id: string; name?: string; aadObjectId?: string };
  conversation: { id: string; scope: 'personal' | 'groupChat' | 'channel' };
  /** IANA time zone from the activity (`localTimezone`), UTC when unknown. */
  timeZone: string;
  now: Date;
  correlationId: string;
}
