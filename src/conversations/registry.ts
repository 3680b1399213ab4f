import type { KeyValueStore } from '../store/store';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

/** A conversation the bot is installed in: where proactive alerts can go. */
export interface ConversationRecord {
  conversationId: string;
  tenantId: string;
  scope: ConversationScope;
  /** botbuilder ConversationReference as plain JSON (serviceUrl, conversation, bot, user, channelId). */
  reference: Record<string, unknown>;
  conversationName?: string;
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  installedAt: string;
  updatedAt: string;
  /** Set when a send answered 403/404 (the bot was removed): no more proactive messages until it is back. */
  inactive?: { since: string; reason: string };
}

const PREFIX = 'conversations/';

/** Store key of a conversation record; tenant first, so one tenant's records never mix with another's. */
export function conversationKey(tenantId: string, conversationId: string): string {
  return `${PREFIX}${tenantId.toLowerCase()}/${encodeURIComponent(conversationId)}`;
}

/** Records and forgets the conversations the bot is installed in. */
export class ConversationRegistry {
  constructor(private readonly store: KeyValueStore) {}

  /** Saves or refreshes a record, keeping the first install time. */
  async upsert(
    record: Omit<ConversationRecord, 'installedAt' | 'updatedAt'>,
    now = new Date(),
  ): Promise<void> {
    const key = conversationKey(record.tenantId, record.conversationId);
    const existing = (await this.store.read([key]))[key] as unknown as ConversationRecord | undefined;
    const merged: ConversationRecord = {
      ...existing,
      ...withoutUndefined(record),
      installedAt: existing?.installedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    } as ConversationRecord;
    delete merged.inactive;
    await this.store.write({ [key]: { ...merged, eTag: '*' } });
  }

  /** Stops proactive sends to a conversation the bot was removed from; any later activity there reactivates it. */
  async markInactive(
    tenantId: string,
    conversationId: string,
    reason: string,
    now = new Date(),
  ): Promise<void> {
    const key = conversationKey(tenantId, conversationId);
    const existing = (await this.store.read([key]))[key];
    if (existing)
      await this.store.write({
        [key]: { ...existing, inactive: { since: now.toISOString(), reason }, eTag: '*' },
      });
  }

  async remove(tenantId: string, conversationId: string): Promise<void> {
    await this.store.delete([conversationKey(tenantId, conversationId)]);
  }

  async get(tenantId: string, conversationId: string): Promise<ConversationRecord | undefined> {
    const key = conversationKey(tenantId, conversationId);
    const item = (await this.store.read([key]))[key];
    return item ? strip(item) : undefined;
  }

  /** All records, or one tenant's. */
  async list(tenantId?: string): Promise<ConversationRecord[]> {
    const items = await this.store.list(tenantId ? `${PREFIX}${tenantId.toLowerCase()}/` : PREFIX);
    return Object.values(items).map(strip);
  }
}

function strip(item: Record<string, unknown>): ConversationRecord {
  const { eTag: _eTag, ...rest } = item;
  return rest as unknown as ConversationRecord;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
