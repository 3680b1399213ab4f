import assert from 'node:assert/strict';
import { ConversationRegistry } from '../../src/conversations/registry';
import type { Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { KeyValueStore } from '../../src/store/store';

const T = '00000000-0000-4000-8000-000000000001';
const CONV = '19:m365-alerts@thread.tacv2';

class CountingNotifier implements Notifier {
  posts = 0;
  updates = 0;
  async post(): Promise<string> {
    return `msg-${++this.posts}`;
  }
  async update(): Promise<void> {
    this.updates++;
  }
}

describe('Outbox: finished items leave the queue, and a stale instance cannot put them back', () => {
  let store: SqliteStore;
  let registry: ConversationRegistry;
  let notifier: CountingNotifier;
  const now = 1_000_000;
  const outbox = (owner: string, s: KeyValueStore = store, budget = new SendBudget()) =>
    new Outbox({ store: s, registry, notifier, budget, owner, now: () => now });

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    registry = new ConversationRegistry(store);
    notifier = new CountingNotifier();
    await registry.upsert({ conversationId: CONV, tenantId: T, scope: 'channel', reference: {} });
  });
  afterEach(() => store.close());

  it('moves sent items out of outbox/, so a drain lists only pending ones, and still updates the posted card', async () => {
    const box = outbox('a');
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 1 } });
    await box.drain();
    assert.deepEqual(Object.keys(await store.list('outbox/')), []);
    const [done] = await box.items(T);
    assert.equal(done.status, 'sent');
    await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 2 } });
    assert.equal(Object.keys(await store.list('outbox/')).length, 1);
    assert.equal((await box.drain()).updated, 1);
    assert.deepEqual([notifier.posts, notifier.updates], [1, 1]);
    assert.deepEqual(
      (await box.items(T)).map((i) => i.status),
      ['sent', 'sent'],
    );
  });

  it('does not requeue an item another instance sent after this one listed it', async () => {
    const a = outbox('a');
    await a.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: { v: 1 } });
    // B lists the item as pending, then A sends it before B gets to it; B's budget is spent, so B defers it.
    let interleaved = false;
    const stale: KeyValueStore = {
      read: (k) => store.read(k),
      write: (c, o) => store.write(c, o),
      delete: (k) => store.delete(k),
      ping: () => store.ping(),
      close: () => store.close(),
      list: async (prefix) => {
        const listed = await store.list(prefix);
        if (prefix === 'outbox/' && !interleaved) {
          interleaved = true;
          await a.drain();
        }
        return listed;
      },
    };
    const spent = new SendBudget();
    for (let i = 0; i < 7; i++) spent.reserve(`${T}|${CONV}`, T, now);
    const b = outbox('b', stale, spent);
    assert.equal((await b.drain()).deferred, 1);
    assert.deepEqual(Object.keys(await store.list('outbox/')), [], 'nothing was put back');
    await a.drain();
    assert.deepEqual([notifier.posts, notifier.updates], [1, 0], 'sent once, never again');
  });

  it('moves finished items left in outbox/ (stored before this layout) without sending them', async () => {
    const box = outbox('a');
    const item = await box.enqueue({ tenantId: T, conversationId: CONV, cardKey: 'k', card: {} });
    const [key] = Object.keys(await store.list('outbox/'));
    await store.write({ [key]: { ...item, status: 'sent', activityId: 'old-1' } });
    assert.deepEqual((await box.drain()).posted, 0);
    assert.deepEqual(Object.keys(await store.list('outbox/')), []);
    assert.equal((await box.items(T))[0].status, 'sent');
    assert.equal(notifier.posts, 0);
  });
});
