import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConversationRegistry } from '../../src/conversations/registry';
import { DeliveryError, type Notifier } from '../../src/delivery/notifier';
import { Outbox, type OutboxDeps } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { SqliteStore } from '../../src/store/sqlite-store';
import { FlakyStore } from '../helpers/flaky-store';

const T = '00000000-0000-4000-8000-000000000001';
const CONV = '19:m365-alerts@thread.tacv2';

/** A connector that takes `delayMs` to answer (so drains overlap) and fails as told. */
class SlowNotifier implements Notifier {
  posts: object[] = [];
  updates: { id: string; card: object }[] = [];
  failNext: DeliveryError[] = [];
  failAlways?: DeliveryError;
  constructor(private readonly delayMs = 0) {}
  async post(_ref: Record<string, unknown>, card: object): Promise<string> {
    await sleep(this.delayMs);
    const f = this.failNext.shift() ?? this.failAlways;
    if (f) throw f;
    this.posts.push(card);
    return `msg-${this.posts.length}`;
  }
  async update(_ref: Record<string, unknown>, id: string, card: object): Promise<void> {
    await sleep(this.delayMs);
    const f = this.failNext.shift() ?? this.failAlways;
    if (f) throw f;
    this.updates.push({ id, card });
  }
}

describe('Outbox: exactly once under overlapping drains, store faults and endless failures', () => {
  let sqlite: SqliteStore;
  let store: FlakyStore;
  let registry: ConversationRegistry;
  let now: number;
  const outbox = (notifier: Notifier, extra: Partial<OutboxDeps> = {}) =>
    new Outbox({
      store,
      registry,
      notifier,
      budget: new SendBudget(),
      owner: 'instance-a',
      now: () => now,
      random: () => 0.5,
      recordRetryMs: [0, 0, 0],
      ...extra,
    });

  beforeEach(async () => {
    sqlite = new SqliteStore(':memory:');
    store = new FlakyStore(sqlite);
    registry = new ConversationRegistry(store);
    now = 1_000_000;
    await registry.upsert({ conversationId: CONV, tenantId: T, scope: 'channel', reference: {} });
  });
  afterEach(() => sqlite.close());

  it('two overlapping drains of one process post each of 3 cards once', async () => {
    const notifier = new SlowNotifier(15);
    const box = outbox(notifier);
    for (const k of ['a', 'b', 'c'])
      await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: k, card: { k } });
    // The 5-second drain timer and the end-of-cycle drain, at once.
    await Promise.all([box.drain(), box.drain()]);
    await box.drain();
    assert.equal(notifier.posts.length, 3);
  });

  it('a drain asked for while one runs also sends what was queued after the running one listed', async () => {
    const notifier = new SlowNotifier(15);
    const box = outbox(notifier);
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'a', card: {} });
    const first = box.drain();
    await sleep(5);
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'b', card: {} });
    await Promise.all([first, box.drain()]);
    assert.equal(notifier.posts.length, 2);
  });

  it('a newer card of a key queued while another instance posts the older one updates that post', async () => {
    const notifier = new SlowNotifier(40);
    const a = outbox(notifier);
    const b = outbox(notifier, { owner: 'instance-b' });
    await a.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 1 } });
    const posting = a.drain();
    await sleep(10); // a's post is on the wire: no card ref yet
    now += 1_000;
    await a.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 2 } }); // acknowledged
    await b.drain();
    await posting;
    for (let i = 0; i < 3; i++) {
      now += 120_000;
      await Promise.all([a.drain(), b.drain()]);
    }
    assert.equal(notifier.posts.length, 1, 'one message for the key');
    assert.deepEqual(notifier.updates.at(-1), { id: 'msg-1', card: { v: 2 } });
  });

  it('a post whose activity id fails to record once is recorded on retry, not posted again', async () => {
    const notifier = new SlowNotifier();
    const box = outbox(notifier);
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 1 } });
    store.failWrites((k) => k.startsWith('cardrefs/'), 1);
    await box.drain();
    now += 120_000;
    await box.drain();
    assert.equal(notifier.posts.length, 1);
    assert.equal(await box.activityIdOf(T, CONV, 'k'), 'msg-1');
    assert.deepEqual(
      (await box.items(T)).map((i) => i.status),
      ['sent'],
    );
  });

  it('keeps an unrecorded activity id while the store refuses it: later cards update that message', async () => {
    const notifier = new SlowNotifier();
    const a = outbox(notifier);
    const b = outbox(notifier, { owner: 'instance-b' });
    await a.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 1 } });
    store.failWrites((k) => k.startsWith('cardrefs/'), Infinity);
    await a.drain();
    assert.equal(a.stats().unrecorded, 1);
    // Another instance sees the item still pending, but the posting attempt's claim is held (and renewed).
    now += 50_000;
    await a.drain();
    now += 50_000;
    await b.drain();
    await a.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 2 } });
    await a.drain();
    assert.equal(notifier.posts.length, 1);
    assert.deepEqual(notifier.updates, [{ id: 'msg-1', card: { v: 2 } }]);
    store.heal();
    await a.drain();
    assert.equal(a.stats().unrecorded, 0);
    assert.equal(await b.activityIdOf(T, CONV, 'k'), 'msg-1');
    now += 120_000;
    await b.drain();
    assert.equal(notifier.posts.length, 1);
  });

  it('gives up after the attempt bound: a dead letter, counted, kept in the store, not retried', async () => {
    const notifier = new SlowNotifier();
    notifier.failAlways = new DeliveryError('Service Unavailable', 503);
    const box = outbox(notifier, { retry: { maxAttempts: 4, maxAgeMs: 24 * 3_600_000 } });
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: {} });
    let dead = 0;
    for (let i = 0; i < 10; i++) {
      dead += (await box.drain()).dead;
      now += 3_600_000;
    }
    assert.equal(dead, 1);
    const [item] = await box.items(T);
    assert.equal(item.status, 'dead');
    assert.equal(item.attempts, 4);
    assert.match(item.lastError ?? '', /503|Unavailable/);
    assert.equal(box.stats().deadLetters, 1);
    const letters = await box.deadLetters(T, 0);
    assert.equal(letters.length, 1);
    assert.equal(letters[0].cardKey, 'k');
  });

  it('gives up after the age bound, waiting at least Retry-After between attempts', async () => {
    const notifier = new SlowNotifier();
    notifier.failAlways = new DeliveryError('Too Many Requests', 429, 60_000);
    const box = outbox(notifier, { retry: { maxAttempts: 100, maxAgeMs: 10 * 60_000 } });
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: {} });
    const start = now;
    let report = await box.drain();
    let item = (await box.items(T))[0];
    while (!report.dead) {
      assert.equal(item.status, 'pending');
      assert.ok(item.nextAttemptAt - now >= 60_000, 'Retry-After honoured');
      now = item.nextAttemptAt;
      report = await box.drain();
      item = (await box.items(T))[0];
    }
    assert.equal(item.status, 'dead');
    assert.ok(now - start >= 10 * 60_000 && now - start < 20 * 60_000, `${now - start} ms`);
    assert.ok(item.attempts <= 11, `${item.attempts} attempts in 10 minutes at Retry-After 60 s`);
    assert.match(item.lastError ?? '', /429.*gave up after 1\d minutes/);
  });

  it('a non-retryable answer (400) is a dead letter at once', async () => {
    const notifier = new SlowNotifier();
    notifier.failNext = [new DeliveryError('Bad Request', 400)];
    const box = outbox(notifier);
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: {} });
    assert.equal((await box.drain()).dead, 1);
    assert.equal((await box.deadLetters(T, 0)).length, 1);
  });
});

describe('Outbox.settle: a stop finishes the send in flight and leaves the rest pending', () => {
  it('records the card being posted, starts no other, and a later drain (another process) sends the rest once', async () => {
    const store = new SqliteStore(':memory:');
    const registry = new ConversationRegistry(store);
    await registry.upsert({ conversationId: CONV, tenantId: T, scope: 'channel', reference: {} });
    const notifier = new SlowNotifier(30);
    let at = 1_000_000;
    const make = (owner: string) =>
      new Outbox({ store, registry, notifier, budget: new SendBudget(), owner, now: () => at++ });
    const stopping = make('stopping');
    for (const k of ['a', 'b', 'c'])
      await stopping.enqueue({ tenantId: T, conversationId: CONV, cardKey: k, card: { k } });
    const draining = stopping.drain();
    await sleep(10); // the first post is in flight
    assert.equal(await stopping.settle(), 0);
    await draining;
    assert.equal(notifier.posts.length, 1);
    assert.equal(await stopping.activityIdOf(T, CONV, 'a'), 'msg-1');
    assert.deepEqual(Object.keys(await store.list('claims/')), [], 'no claim left behind');
    await make('next').drain();
    assert.deepEqual(
      notifier.posts.map((p) => (p as { k: string }).k),
      ['a', 'b', 'c'],
    );
    await store.close();
  });
});
