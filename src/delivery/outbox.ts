import { randomUUID } from 'node:crypto';
import type { ConversationRegistry } from '../conversations/registry';
import { claim } from '../store/claim';
import type { KeyValueStore, StoreItem } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';
import { DeliveryError, type Notifier } from './notifier';
import { retryDelayMs } from './retry-delay';
import type { SendBudget } from './send-budget';

/** One card to deliver: persisted before it is sent, kept after with the activity id it was posted as. */
export interface OutboxItem {
  id: string;
  tenantId: string;
  conversationId: string;
  /** One card per key per conversation (an incident, or a group of them): later items update the same message. */
  cardKey: string;
  card: object;
  createdAt: number;
  status: 'pending' | 'sent' | 'dropped';
  attempts: number;
  nextAttemptAt: number;
  activityId?: string;
  sentAt?: number;
  lastError?: string;
}

export interface DrainReport {
  posted: number;
  updated: number;
  deferred: number;
  dropped: number;
  superseded: number;
}

export interface OutboxDeps {
  store: KeyValueStore;
  registry: ConversationRegistry;
  notifier: Notifier;
  budget: SendBudget;
  /** This process, as the owner of claims (several instances may drain the same store). */
  owner: string;
  now?: () => number;
  /** How long a claim protects an item being sent; another owner may take over after it. */
  claimTtlMs?: number;
  random?: () => number;
}

const pad = (n: number) => String(n).padStart(15, '0');
const itemKey = (i: Pick<OutboxItem, 'tenantId' | 'conversationId' | 'createdAt' | 'id'>) =>
  `outbox/${i.tenantId.toLowerCase()}/${encodeURIComponent(i.conversationId)}/${pad(i.createdAt)}-${i.id}`;
/** Finished (sent or dropped) items move here, so a drain lists only what is still to send. */
const doneKey = (i: Pick<OutboxItem, 'tenantId' | 'conversationId' | 'createdAt' | 'id'>) =>
  `outbox-done/${itemKey(i).slice('outbox/'.length)}`;
const cardRefKey = (tenantId: string, conversationId: string, cardKey: string) =>
  `cardrefs/${tenantId.toLowerCase()}/${encodeURIComponent(conversationId)}/${encodeURIComponent(cardKey)}`;

/**
 * Delivery that loses nothing: an alert card is persisted before it is sent and marked sent with the activity id it
 * was posted as, so a later state change updates the same message. After a crash or restart, pending items are sent
 * (once: each send is claimed with an eTag-guarded write first) and sent ones are not repeated. Sends respect the
 * per-conversation and per-tenant budget; 429/412/502/504 are retried with Retry-After or backoff; a conversation
 * that answers 403/404 is marked inactive and its items dropped instead of retried forever. Of several pending cards
 * with the same key in one conversation only the newest is sent (each is a full card). A finished item moves from
 * `outbox/` to `outbox-done/`, so each drain (every few seconds, on every instance) lists only what is pending
 * instead of every card ever sent; changes to an item are eTag-guarded and apply only while it is still pending,
 * so an instance working from a stale listing can never put a sent card back in the queue.
 */
export class Outbox {
  private readonly now: () => number;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Persists a card to deliver; `notBefore` holds it (quiet hours) until then. */
  async enqueue(
    input: Pick<OutboxItem, 'tenantId' | 'conversationId' | 'cardKey' | 'card'>,
    notBefore?: number,
  ): Promise<OutboxItem> {
    const at = this.now();
    const item: OutboxItem = {
      ...input,
      id: randomUUID(),
      createdAt: at,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: Math.max(at, notBefore ?? at),
    };
    await this.deps.store.write({ [itemKey(item)]: { ...item } });
    return item;
  }

  /** Items of a tenant (or all), pending and finished, oldest first. */
  async items(tenantId?: string): Promise<OutboxItem[]> {
    const tail = tenantId ? `${tenantId.toLowerCase()}/` : '';
    const [pending, done] = await Promise.all([
      this.deps.store.list(`outbox/${tail}`),
      this.deps.store.list(`outbox-done/${tail}`),
    ]);
    return [...Object.values(pending), ...Object.values(done)]
      .map(strip)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** The activity id a card key was posted as in a conversation, if it was. */
  async activityIdOf(tenantId: string, conversationId: string, cardKey: string): Promise<string | undefined> {
    const key = cardRefKey(tenantId, conversationId, cardKey);
    return (await this.deps.store.read([key]))[key]?.activityId as string | undefined;
  }

  /** Sends what is due, in order, within the budget. Safe to call concurrently from several instances. */
  async drain(filter: (tenantId: string) => boolean = () => true): Promise<DrainReport> {
    const report: DrainReport = { posted: 0, updated: 0, deferred: 0, dropped: 0, superseded: 0 };
    const listed = Object.values(await this.deps.store.list('outbox/'))
      .map(strip)
      .filter((i) => filter(i.tenantId))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    // Finished but not yet moved (a process stopped between the two steps, or items stored before the move).
    for (const i of listed.filter((x) => x.status !== 'pending')) await this.archive(i);
    const pending = listed.filter((i) => i.status === 'pending');
    const newest = new Map<string, OutboxItem>();
    for (const i of pending) newest.set(`${i.tenantId}|${i.conversationId}|${i.cardKey}`, i);
    for (const item of pending) {
      if (newest.get(`${item.tenantId}|${item.conversationId}|${item.cardKey}`) !== item) {
        await this.finish(item, { status: 'dropped', lastError: 'superseded by a newer card' });
        report.superseded++;
      } else if (item.nextAttemptAt > this.now()) report.deferred++;
      else await this.sendOne(item, report);
    }
    return report;
  }

  private async sendOne(item: OutboxItem, report: DrainReport): Promise<void> {
    const record = await this.deps.registry.get(item.tenantId, item.conversationId);
    if (!record || record.inactive) {
      await this.finish(item, { status: 'dropped', lastError: 'the bot is no longer in this conversation' });
      report.dropped++;
      return;
    }
    const reservation = this.deps.budget.reserve(
      `${item.tenantId}|${item.conversationId}`,
      item.tenantId,
      this.now(),
    );
    if (!reservation.ok) {
      await this.save(item, { nextAttemptAt: reservation.retryAt });
      report.deferred++;
      return;
    }
    const gate = await claim(
      this.deps.store,
      `claims/${itemKey(item)}`,
      this.deps.owner,
      this.deps.claimTtlMs ?? 60_000,
      {
        now: this.now,
      },
    );
    if (!gate.won) return;
    const fresh = (await this.deps.store.read([itemKey(item)]))[itemKey(item)];
    if (!fresh || fresh.status !== 'pending') return; // another instance finished it meanwhile
    const existing = await this.activityIdOf(item.tenantId, item.conversationId, item.cardKey);
    try {
      if (existing) {
        await this.deps.notifier.update(record.reference, existing, item.card);
        report.updated++;
      } else {
        const activityId = await this.deps.notifier.post(record.reference, item.card);
        await this.deps.store.write({
          [cardRefKey(item.tenantId, item.conversationId, item.cardKey)]: { activityId },
        });
        report.posted++;
      }
      await this.finish(item, { status: 'sent', sentAt: this.now(), activityId: existing });
    } catch (err) {
      await this.failed(item, err, report);
    }
  }

  private async failed(item: OutboxItem, err: unknown, report: DrainReport): Promise<void> {
    const e = err instanceof DeliveryError ? err : new DeliveryError(String((err as Error)?.message ?? err));
    if (e.gone) {
      await this.deps.registry.markInactive(item.tenantId, item.conversationId, `HTTP ${e.status}`);
      await this.finish(item, { status: 'dropped', lastError: `the bot was removed (HTTP ${e.status})` });
      report.dropped++;
    } else if (e.retryable) {
      const attempts = item.attempts + 1;
      await this.save(item, {
        attempts,
        lastError: e.message,
        nextAttemptAt: this.now() + retryDelayMs(attempts, e.retryAfterMs, this.deps.random),
      });
      report.deferred++;
    } else {
      await this.finish(item, { status: 'dropped', lastError: e.message });
      report.dropped++;
    }
  }

  /** Marks the item finished (the step that counts), then moves it to `outbox-done/` and frees its claim. */
  private async finish(item: OutboxItem, change: Partial<OutboxItem>): Promise<void> {
    const finished = await this.save(item, change);
    if (finished) await this.archive(finished);
    await this.deps.store.delete([`claims/${itemKey(item)}`]);
  }

  private async archive(item: OutboxItem): Promise<void> {
    await this.deps.store.write({ [doneKey(item)]: { ...item } as StoreItem });
    await this.deps.store.delete([itemKey(item)]);
  }

  /** Applies `change` to the stored item if it is still pending (eTag-guarded); resolves to it, or undefined. */
  private async save(item: OutboxItem, change: Partial<OutboxItem>): Promise<OutboxItem | undefined> {
    Object.assign(item, change);
    let saved: OutboxItem | undefined;
    await updateWithRetry<OutboxItem>(this.deps.store, itemKey(item), (current) =>
      current?.status === 'pending' ? (saved = { ...current, ...change }) : undefined,
    );
    return saved;
  }
}

function strip(item: StoreItem): OutboxItem {
  const { eTag: _eTag, ...rest } = item;
  return rest as unknown as OutboxItem;
}
