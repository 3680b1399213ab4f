import { randomUUID } from 'node:crypto';
import type { ConversationRegistry } from '../conversations/registry';
import type { Logger } from '../log/logger';
import { claim, releaseClaim, renewClaim } from '../store/claim';
import type { KeyValueStore, StoreItem } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';
import { DeadLetterLog, type DeadLetter } from './dead-letters';
import { DeliveryError, type Notifier } from './notifier';
import { DELIVERY_RETRY, retriesExhausted, retryDelayMs, type RetryBounds } from './retry-delay';
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
  /** `dead`: given up after its retry bounds or a non-retryable answer (see `DeadLetter`). */
  status: 'pending' | 'sent' | 'dropped' | 'dead';
  attempts: number;
  nextAttemptAt: number;
  /** When its first send failed: the age bound of its retries counts from here. */
  firstFailedAt?: number;
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
  /** Given up this drain: recorded as dead letters. */
  dead: number;
}

export interface OutboxDeps {
  store: KeyValueStore;
  registry: ConversationRegistry;
  notifier: Notifier;
  budget: SendBudget;
  /** This process: each send attempt claims its item as `<owner>/<attempt id>`. */
  owner: string;
  now?: () => number;
  /** How long a claim protects an item being sent; another owner may take over after it. */
  claimTtlMs?: number;
  random?: () => number;
  /** Retry bounds (default `DELIVERY_RETRY`: 12 attempts or 1 hour). */
  retry?: RetryBounds;
  /** Waits between the in-line tries to record a posted card's activity id (default 50, 250, 1,000 ms). */
  recordRetryMs?: readonly number[];
  logger?: Logger;
}

/** What delivery looks like in this process, for `/readyz`. */
export interface OutboxStats {
  /** Cards given up since this process started. */
  deadLetters: number;
  /** Posted cards whose activity id is held in memory because the store refused it so far. */
  unrecorded: number;
}

/** A posted card's message, as stored under `cardrefs/`: `itemId` is the outbox item that posted it. */
interface CardRef {
  activityId: string;
  itemId?: string;
}

interface Unrecorded {
  ref: CardRef;
  item: OutboxItem;
  gate: Gate;
}

/** A send attempt's claim on a card key: the claim's store key and the attempt's id as its owner. */
interface Gate {
  key: string;
  attempt: string;
}

const pad = (n: number) => String(n).padStart(15, '0');
const itemKey = (i: Pick<OutboxItem, 'tenantId' | 'conversationId' | 'createdAt' | 'id'>) =>
  `outbox/${i.tenantId.toLowerCase()}/${encodeURIComponent(i.conversationId)}/${pad(i.createdAt)}-${i.id}`;
/** Finished (sent, dropped or dead) items move here, so a drain lists only what is still to send. */
const doneKey = (i: Pick<OutboxItem, 'tenantId' | 'conversationId' | 'createdAt' | 'id'>) =>
  `outbox-done/${itemKey(i).slice('outbox/'.length)}`;
const cardRefKey = (tenantId: string, conversationId: string, cardKey: string) =>
  `cardrefs/${tenantId.toLowerCase()}/${encodeURIComponent(conversationId)}/${encodeURIComponent(cardKey)}`;
/** One claim per card key of a conversation: its items are sent one attempt at a time, whichever item it is. */
const claimKeyOf = (i: Pick<OutboxItem, 'tenantId' | 'conversationId' | 'cardKey'>) =>
  `claims/${cardRefKey(i.tenantId, i.conversationId, i.cardKey)}`;

/**
 * Delivery that loses nothing and repeats nothing:
 * - a card is persisted before it is sent; one drain runs at a time per process (a drain asked for meanwhile runs
 *   once after it), and each send attempt claims its card key in its conversation with an eTag-guarded write, so
 *   neither two drains of one process nor several instances send it twice, and a newer card of the key waits for
 *   the post of an older one to be recorded (then updates it) instead of posting a second message;
 * - the activity id Teams returns is written first (`cardrefs/`), retried in line, and while the store refuses it
 *   held in memory with the claim renewed, so a later card updates that message and the post is never repeated.
 *   The one window left is a crash between Teams accepting the post and that first write (see docs/alerts.md);
 * - retryable failures (429, 412, 408, 5xx, network) wait for the later of Retry-After and an exponential backoff,
 *   up to `retry` bounds; then, or on a non-retryable answer, the card becomes a dead letter: logged, counted in
 *   `stats()`, kept under `deadletters/` for `alerts`/`history`. A conversation that answers 403/404 is marked
 *   inactive and its items dropped;
 * - of several pending cards with the same key in one conversation only the newest is sent (each is a full card);
 * - a finished item moves from `outbox/` to `outbox-done/`, so a drain lists only what is pending; changes to an item
 *   are eTag-guarded and apply only while it is still pending, so a stale listing never puts a sent card back.
 */
export class Outbox {
  private readonly now: () => number;
  private readonly letters: DeadLetterLog;
  /** Posted cards whose id is not stored yet, by `cardrefs/` key. */
  private readonly unrecorded = new Map<string, Unrecorded>();
  private running?: Promise<DrainReport>;
  private queued?: Promise<DrainReport>;
  private deadCount = 0;
  /** Set by `settle`: drains stop before their next item. */
  private closing = false;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    this.letters = new DeadLetterLog(deps.store);
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

  /** The activity id a card key was posted as in a conversation, if it was (held in memory until stored). */
  async activityIdOf(tenantId: string, conversationId: string, cardKey: string): Promise<string | undefined> {
    return (await this.cardRef(cardRefKey(tenantId, conversationId, cardKey)))?.activityId;
  }

  /** The tenant's cards given up at or after `since` (epoch ms), newest first. */
  deadLetters(tenantId: string, since: number): Promise<DeadLetter[]> {
    return this.letters.recent(tenantId, since);
  }

  stats(): OutboxStats {
    return { deadLetters: this.deadCount, unrecorded: this.unrecorded.size };
  }

  /**
   * Sends what is due, in order, within the budget. One drain runs at a time in a process: a call while one runs
   * waits for it and then runs once more (shared by every call meanwhile), so cards queued after the running drain
   * listed are not left for the next timer. Safe to run concurrently on several instances (claims).
   */
  drain(filter: (tenantId: string) => boolean = () => true): Promise<DrainReport> {
    if (!this.running) {
      this.running = this.drainOnce(filter).finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.drain(filter);
      });
    return this.queued;
  }

  /**
   * For shutdown: lets the send in flight finish (a drain stops before its next item; the rest stays pending for
   * the next drain anywhere), then tries once more to store the activity ids still held in memory. Resolves with how
   * many could not be stored (they are logged).
   */
  async settle(): Promise<number> {
    this.closing = true;
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    await this.flushUnrecorded();
    for (const u of this.unrecorded.values())
      this.deps.logger?.error(
        { tenantId: u.item.tenantId, conversationId: u.item.conversationId, cardKey: u.item.cardKey },
        'stopping with a posted card whose message id could not be stored: its next change will post a new card',
      );
    return this.unrecorded.size;
  }

  private async drainOnce(filter: (tenantId: string) => boolean): Promise<DrainReport> {
    const report: DrainReport = { posted: 0, updated: 0, deferred: 0, dropped: 0, superseded: 0, dead: 0 };
    await this.flushUnrecorded();
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
      if (this.closing) break; // stopping: the rest stays pending, unclaimed, for the next drain anywhere
      try {
        if (newest.get(`${item.tenantId}|${item.conversationId}|${item.cardKey}`) !== item) {
          await this.finish(item, { status: 'dropped', lastError: 'superseded by a newer card' });
          report.superseded++;
        } else if (item.nextAttemptAt > this.now()) report.deferred++;
        else await this.sendOne(item, report);
      } catch (err) {
        // A store failure on one item: it stays pending (and claimed until its claim expires); the rest go on.
        this.deps.logger?.warn(
          { err, tenantId: item.tenantId, cardKey: item.cardKey },
          'outbox item left for a later drain',
        );
      }
    }
    return report;
  }

  private async sendOne(listed: OutboxItem, report: DrainReport): Promise<void> {
    const record = await this.deps.registry.get(listed.tenantId, listed.conversationId);
    if (!record || record.inactive) {
      await this.finish(listed, {
        status: 'dropped',
        lastError: 'the bot is no longer in this conversation',
      });
      report.dropped++;
      return;
    }
    const reservation = this.deps.budget.reserve(
      `${listed.tenantId}|${listed.conversationId}`,
      listed.tenantId,
      this.now(),
    );
    if (!reservation.ok) {
      await this.save(listed, { nextAttemptAt: reservation.retryAt });
      report.deferred++;
      return;
    }
    const refKey = cardRefKey(listed.tenantId, listed.conversationId, listed.cardKey);
    const gate = await this.claimKey(refKey, listed);
    if (!gate) return;
    try {
      await this.sendClaimed(listed, refKey, record.reference, gate, report);
    } catch (err) {
      await this.release(gate); // a store failure: the next attempt, anywhere, need not wait for the claim to expire
      throw err;
    }
  }

  private async sendClaimed(
    listed: OutboxItem,
    refKey: string,
    reference: Record<string, unknown>,
    gate: Gate,
    report: DrainReport,
  ): Promise<void> {
    const stored = (await this.deps.store.read([itemKey(listed)]))[itemKey(listed)];
    if (!stored || stored.status !== 'pending') return this.release(gate); // finished elsewhere meanwhile
    const item = strip(stored); // attempts and errors as they are now, not as listed
    const ref = await this.cardRef(refKey);
    if (ref?.itemId === item.id) {
      // Posted and recorded by an attempt that stopped before finishing the item.
      await this.finish(item, { status: 'sent', sentAt: this.now(), activityId: ref.activityId }, gate);
      return;
    }
    let activityId: string;
    try {
      if (ref) {
        await this.deps.notifier.update(reference, ref.activityId, item.card);
        activityId = ref.activityId;
      } else activityId = await this.deps.notifier.post(reference, item.card);
    } catch (err) {
      await this.failed(item, err, report, gate);
      return;
    }
    if (ref) report.updated++;
    else {
      report.posted++;
      if (!(await this.record(refKey, { activityId, itemId: item.id }, item, gate))) return;
    }
    await this.finish(item, { status: 'sent', sentAt: this.now(), activityId }, gate);
  }

  /**
   * Claims the card key for one send attempt; undefined while another attempt holds it. A post of this process whose
   * id is still held in memory keeps its claim (renewed), and later cards of the key go out under it: they update
   * that message.
   */
  private async claimKey(refKey: string, item: OutboxItem): Promise<Gate | undefined> {
    const held = this.unrecorded.get(refKey);
    if (held) return held.gate;
    const gate = { key: claimKeyOf(item), attempt: `${this.deps.owner}/${randomUUID()}` };
    const won = await claim(this.deps.store, gate.key, gate.attempt, this.claimTtl(), { now: this.now });
    return won.won ? gate : undefined;
  }

  /** Frees a claim this attempt holds (never one a post whose id is only in memory still needs). */
  private async release(gate: Gate): Promise<void> {
    if ([...this.unrecorded.values()].some((u) => u.gate === gate)) return;
    await releaseClaim(this.deps.store, gate.key, gate.attempt, { remove: true, now: this.now }).catch(
      () => false,
    );
  }

  /**
   * Stores a posted card's activity id: the first write after Teams accepted the post. Tried in line a few times;
   * if the store still refuses it, the id stays in memory (later cards of the key update that message) and the
   * item stays claimed, and each drain tries again. Resolves true once stored.
   */
  private async record(refKey: string, ref: CardRef, item: OutboxItem, gate: Gate): Promise<boolean> {
    this.unrecorded.set(refKey, { ref, item, gate });
    const waits = this.deps.recordRetryMs ?? [50, 250, 1_000];
    for (let i = 0; ; i++) {
      try {
        await this.deps.store.write({ [refKey]: { ...ref } });
        this.unrecorded.delete(refKey);
        return true;
      } catch (err) {
        if (i >= waits.length) {
          this.deps.logger?.warn(
            { err, tenantId: item.tenantId, cardKey: item.cardKey },
            'posted card: its message id is held in memory until the store takes it',
          );
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, waits[i]));
      }
    }
  }

  /** Stores the ids held in memory (and finishes their items); renews the claims of those the store still refuses. */
  private async flushUnrecorded(): Promise<void> {
    for (const [refKey, u] of [...this.unrecorded]) {
      try {
        await this.deps.store.write({ [refKey]: { ...u.ref } });
        this.unrecorded.delete(refKey);
      } catch {
        await renewClaim(this.deps.store, u.gate.key, u.gate.attempt, this.claimTtl(), {
          now: this.now,
        }).catch(() => false);
        continue;
      }
      try {
        await this.finish(
          u.item,
          { status: 'sent', sentAt: this.now(), activityId: u.ref.activityId },
          u.gate,
        );
      } catch (err) {
        // Recorded: whoever claims the item next finds its card ref and only finishes it.
        this.deps.logger?.warn({ err, tenantId: u.item.tenantId }, 'outbox item left for a later drain');
      }
    }
  }

  private async cardRef(refKey: string): Promise<CardRef | undefined> {
    const held = this.unrecorded.get(refKey);
    if (held) return held.ref;
    const stored = (await this.deps.store.read([refKey]))[refKey];
    return typeof stored?.activityId === 'string'
      ? { activityId: stored.activityId, itemId: stored.itemId as string | undefined }
      : undefined;
  }

  private async failed(item: OutboxItem, err: unknown, report: DrainReport, gate: Gate): Promise<void> {
    try {
      await this.settleFailure(item, err, report);
    } finally {
      await this.release(gate);
    }
  }

  private async settleFailure(item: OutboxItem, err: unknown, report: DrainReport): Promise<void> {
    const e = err instanceof DeliveryError ? err : new DeliveryError(String((err as Error)?.message ?? err));
    if (e.gone) {
      await this.deps.registry.markInactive(item.tenantId, item.conversationId, `HTTP ${e.status}`);
      await this.finish(item, { status: 'dropped', lastError: `the bot was removed (HTTP ${e.status})` });
      report.dropped++;
      return;
    }
    const attempts = item.attempts + 1;
    const firstFailedAt = item.firstFailedAt ?? this.now();
    const answer = e.status ? `HTTP ${e.status} ${e.message}` : e.message;
    const exhausted = e.retryable
      ? retriesExhausted(attempts, firstFailedAt, this.now(), this.deps.retry ?? DELIVERY_RETRY)
      : 'not retryable';
    if (!exhausted) {
      await this.save(item, {
        attempts,
        firstFailedAt,
        lastError: answer,
        nextAttemptAt: this.now() + retryDelayMs(attempts, e.retryAfterMs, this.deps.random),
      });
      report.deferred++;
      return;
    }
    const reason = `${answer}; ${exhausted}`;
    // The letter first: a stop between the two steps leaves the item pending, and its next failure rewrites the
    // same letter.
    await this.letters.record({
      itemId: item.id,
      tenantId: item.tenantId,
      conversationId: item.conversationId,
      cardKey: item.cardKey,
      attempts,
      createdAt: item.createdAt,
      firstFailedAt,
      deadAt: this.now(),
      reason,
    });
    await this.finish(item, { status: 'dead', attempts, firstFailedAt, lastError: reason });
    this.deadCount++;
    report.dead++;
    this.deps.logger?.error(
      {
        tenantId: item.tenantId,
        conversationId: item.conversationId,
        cardKey: item.cardKey,
        attempts,
        reason,
      },
      'alert card not delivered: dead letter',
    );
  }

  /**
   * Marks the item finished (the step that counts), then moves it to `outbox-done/` and frees the claim of the
   * attempt that finished it, if one did (a superseded or dropped item holds none).
   */
  private async finish(item: OutboxItem, change: Partial<OutboxItem>, gate?: Gate): Promise<void> {
    const finished = await this.save(item, change);
    if (finished) await this.archive(finished);
    if (gate) await this.release(gate);
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

  private claimTtl(): number {
    return this.deps.claimTtlMs ?? 60_000;
  }
}

function strip(item: StoreItem): OutboxItem {
  const { eTag: _eTag, ...rest } = item;
  return rest as unknown as OutboxItem;
}
