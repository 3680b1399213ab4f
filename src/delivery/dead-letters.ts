import type { KeyValueStore } from '../store/store';

/** An alert card the outbox gave up on: kept so admins see it in `alerts` and `history`, never silently dropped. */
export interface DeadLetter {
  itemId: string;
  tenantId: string;
  conversationId: string;
  cardKey: string;
  /** Send attempts made (0 when it was refused before any, e.g. too old). */
  attempts: number;
  /** Epoch ms: when the card was queued, when its first send failed, when the outbox gave up. */
  createdAt: number;
  firstFailedAt?: number;
  deadAt: number;
  /** Why: the connector's last answer and the bound that was reached. */
  reason: string;
}

const pad = (n: number) => String(n).padStart(15, '0');
const prefix = (tenantId: string) => `deadletters/${tenantId.toLowerCase()}/`;

/**
 * Dead letters per tenant (`deadletters/<tenant>/<created>-<item id>`): the key follows the outbox item, so
 * recording one twice (a process stopped between recording it and finishing the item) keeps one letter.
 */
export class DeadLetterLog {
  constructor(private readonly store: KeyValueStore) {}

  async record(letter: DeadLetter): Promise<void> {
    await this.store.write({
      [`${prefix(letter.tenantId)}${pad(letter.createdAt)}-${letter.itemId}`]: { ...letter },
    });
  }

  /** The tenant's dead letters that gave up at or after `since` (epoch ms), newest first. */
  async recent(tenantId: string, since: number): Promise<DeadLetter[]> {
    return Object.values(await this.store.list(prefix(tenantId)))
      .map(({ eTag: _eTag, ...rest }) => rest as unknown as DeadLetter)
      .filter((d) => d.deadAt >= since)
      .sort((a, b) => b.deadAt - a.deadAt);
  }

  /** Deletes the tenant's dead letters queued before `before` (retention); resolves to how many went. */
  async prune(tenantId: string, before: Date): Promise<number> {
    const start = prefix(tenantId);
    const cutoff = pad(before.getTime());
    const old = Object.keys(await this.store.list(start)).filter(
      (k) => k.slice(start.length, start.length + cutoff.length) < cutoff,
    );
    if (old.length) await this.store.delete(old);
    return old.length;
  }
}
