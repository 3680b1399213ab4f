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
  /** IANA time zone from the activity (`localTimezone`, else Teams' clientInfo entity), UTC when unknown. */
  timeZone: string;
  /** BCP 47 locale from the activity (`locale`, else Teams' clientInfo entity), en-US when unknown or unsupported. */
  locale: string;
  now: Date;
  correlationId: string;
}
