import assert from 'node:assert/strict';
import { ConversationRegistry } from '../../src/conversations/registry';
import { DeliveryError, type Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { SqliteStore } from '../../src/store/sqlite-store';

const T = '00000000-0000-4000-8000-000000000001';
const CONV = '19:m365-alerts@thread.tacv2';

/** Records what would reach Teams; `failNext` makes the next sends fail like the connector would. */
class FakeNotifier implements Notifier {
  readonly posts: { card: object; id: string }[] = [];
  readonly updates: { id: string; card: object }[] = [];
  failNext: DeliveryError[] = [];
  async post(_ref: Record<string, unknown>, card: object): Promise<string> {
    const f = this.failNext.shift();
    if (f) throw f;
    const id = `msg-${this.posts.length + 1}`;
    this.posts.push({ card, id });
    return id;
  }
  async update(_ref: Record<string, unknown>, id: string, card: object): Promise<void> {
    const f = this.failNext.shift();
    if (f) throw f;
    this.updates.push({ id, card });
  }
}

describe('Outbox: persisted before sending, sent once, updated in place, rate-limited', () => {
  let store: SqliteStore;
  let registry: ConversationRegistry;
  let notifier: FakeNotifier;
  let now: number;
  const outbox = (owner = 'instance-a', budget = new SendBudget()) =>
    new Outbox({ store, registry, notifier, budget, owner, now: () => now, random: () => 0.5 });

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    registry = new ConversationRegistry(store);
    notifier = new FakeNotifier();
    now = 1_000_000;
    await registry.upsert({
      conversationId: CONV,
      tenantId: T,
      scope: 'channel',
      reference: { conversation: { id: CONV } },
    });
  });
  afterEach(() => store.close());

  it('posts a new card, then updates the same message for the same key', async () => {
    const box = outbox();
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'incident-1', card: { v: 1 } });
    assert.deepEqual(await box.drain(), {
      posted: 1,
      updated: 0,
      deferred: 0,
      dropped: 0,
      superseded: 0,
      dead: 0,
    });
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'incident-1', card: { v: 2 } });
    await box.drain();
    assert.deepEqual(notifier.updates, [{ id: 'msg-1', card: { v: 2 } }]);
    assert.equal(await box.activityIdOf(T, CONV, 'incident-1'), 'msg-1');
    const items = await box.items(T);
    assert.ok(items.every((i) => i.status === 'sent'));
  });

  it('sends only the newest of several pending cards with one key', async () => {
    const box = outbox();
    for (const v of [1, 2, 3]) {
      await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v } });
      now += 1;
    }
    const r = await box.drain();
    assert.equal(r.superseded, 2);
    assert.deepEqual(
      notifier.posts.map((p) => p.card),
      [{ v: 3 }],
    );
  });

  it('retries a 429 after its Retry-After, and delivers exactly once', async () => {
    const box = outbox();
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 1 } });
    notifier.failNext = [new DeliveryError('Too Many Requests', 429, 30_000)];
    assert.equal((await box.drain()).deferred, 1);
    now += 10_000;
    assert.equal((await box.drain()).deferred, 1, 'not before Retry-After');
    now += 20_000;
    assert.equal((await box.drain()).posted, 1);
    assert.equal((await box.drain()).posted, 0);
    assert.equal(notifier.posts.length, 1);
  });

  it('marks a conversation the bot was removed from inactive and stops sending there', async () => {
    const box = outbox();
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'a', card: {} });
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'b', card: {} });
    notifier.failNext = [new DeliveryError('Forbidden', 403)];
    const r = await box.drain();
    assert.equal(r.dropped, 2);
    assert.equal(notifier.posts.length, 0);
    assert.ok((await registry.get(T, CONV))?.inactive);
    await registry.upsert({ conversationId: CONV, tenantId: T, scope: 'channel', reference: {} });
    assert.equal((await registry.get(T, CONV))?.inactive, undefined, 'a new activity there reactivates it');
  });

  it('survives a restart: pending items are sent by the next process, sent ones are not repeated', async () => {
    await outbox('before-restart').enqueue({
      tenantId: T,
      conversationId: CONV,
      cardKey: 'a',
      card: { v: 1 },
    });
    await outbox('before-restart').drain();
    await outbox('before-restart').enqueue({
      tenantId: T,
      conversationId: CONV,
      cardKey: 'b',
      card: { v: 1 },
    });
    const after = outbox('after-restart');
    const r = await after.drain();
    assert.deepEqual([r.posted, r.updated], [1, 0]);
    assert.deepEqual(
      notifier.posts.map((p) => p.id),
      ['msg-1', 'msg-2'],
    );
  });

  it('keeps within 7 sends per second per conversation; the rest waits', async () => {
    const box = outbox();
    for (let i = 0; i < 10; i++)
      await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: `k${i}`, card: {} });
    const first = await box.drain();
    assert.equal(first.posted, 7);
    assert.equal(first.deferred, 3);
    now += 1_000;
    assert.equal((await box.drain()).posted, 1, 'the 2 s cap allows one more');
    now += 1_000;
    assert.equal((await box.drain()).posted, 2);
  });

  it('lets two instances drain the same store concurrently without a double send', async () => {
    for (let i = 0; i < 5; i++)
      await outbox().enqueue({ tenantId: T, conversationId: `c${i}`, cardKey: 'k', card: {} });
    for (let i = 0; i < 5; i++)
      await registry.upsert({ conversationId: `c${i}`, tenantId: T, scope: 'personal', reference: {} });
    await Promise.all([outbox('a').drain(), outbox('b').drain(), outbox('c').drain()]);
    assert.equal(notifier.posts.length, 5);
  });
});
