import assert from 'node:assert/strict';
import { SubscriptionStore } from '../../src/alerts/subscription-store';
import { configFromStores } from '../../src/cycle/config-from-stores';
import { createAlertStores } from '../../src/alerts/alert-stores';
import { AzureBlobStore } from '../../src/store/azure-blob/azure-blob-store';
import { partitionOf } from '../../src/store/partitions/partition-of';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { KeyValueStore, StoreItems } from '../../src/store/store';
import { startAzurite, type Azurite } from '../store/azurite';
import { CHANNEL, CHAT, subscription } from './helpers';

const K = 8;
/** Twenty tenants, so every one of the 8 partitions has some. */
const TENANTS = Array.from(
  { length: 20 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);
const inPartitions = (ps: ReadonlySet<number>) => TENANTS.filter((t) => ps.has(partitionOf(t, K))).sort();
const sorted = (xs: string[]) => [...xs].sort();

/** Counts what the monitor's listings ask of the store (prefix and items returned). */
class CountingStore implements KeyValueStore {
  listed: { prefix: string; items: number }[] = [];
  constructor(readonly inner: KeyValueStore) {}
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  write(changes: StoreItems, options?: { createOnly?: boolean }) {
    return this.inner.write(changes, options);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
  async list(prefix: string) {
    const items = await this.inner.list(prefix);
    this.listed.push({ prefix, items: Object.keys(items).length });
    return items;
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

function suite(name: string, open: () => Promise<KeyValueStore>) {
  describe(`subscriptions by partition (${name})`, function () {
    this.timeout(60_000);
    let kv: CountingStore;
    beforeEach(async () => {
      kv = new CountingStore(await open());
    });
    afterEach(() => kv.close());

    const stores = () => createAlertStores(kv, K);

    it('lists only the subscriptions of the partitions an instance holds', async () => {
      const s = stores();
      for (const t of TENANTS)
        await s.subscriptions.add(subscription({ kind: 'all' }, CHANNEL, undefined, t));
      const config = configFromStores(s);
      await config.tenants(new Set([0]));
      kv.listed = [];
      const owned = new Set([1, 4, 6]);
      assert.deepEqual(sorted(await config.tenants(owned)), inPartitions(owned));
      assert.ok(
        kv.listed.every((l) => /^subscription-index\/8\/[146]\/$/.test(l.prefix)),
        `listed ${kv.listed.map((l) => l.prefix).join(', ')}`,
      );
      assert.equal(
        kv.listed.reduce((n, l) => n + l.items, 0),
        inPartitions(owned).length,
        'one entry per subscription of those partitions, nothing of the others',
      );
    });

    it('keeps the index in step with subscribe and unsubscribe', async () => {
      const s = stores();
      const [a, b] = TENANTS;
      const all = new Set(Array.from({ length: K }, (_, p) => p));
      await s.subscriptions.add(subscription({ kind: 'all' }, CHANNEL, undefined, a));
      await s.subscriptions.add(subscription({ kind: 'service', service: 'exchange' }, CHAT, undefined, a));
      await s.subscriptions.add(subscription({ kind: 'all' }, CHANNEL, undefined, b));
      const config = configFromStores(s);
      assert.deepEqual(sorted(await config.tenants(all)), sorted([a, b]));
      await s.subscriptions.remove(a, CHANNEL, { kind: 'all' });
      assert.deepEqual(
        sorted(await config.tenants(all)),
        sorted([a, b]),
        'a still has its chat subscription',
      );
      await s.subscriptions.remove(a, CHAT, { kind: 'service', service: 'exchange' });
      assert.deepEqual(await config.tenants(all), [b]);
      await s.subscriptions.remove(b, CHANNEL, { kind: 'all' });
      assert.deepEqual(await config.tenants(all), []);
      assert.deepEqual(Object.keys(await kv.list('subscription-index/')), []);
    });

    it('finds subscriptions stored before the index existed, once, on the first listing', async () => {
      const old = TENANTS.slice(0, 6);
      // As an older version stored them: the subscription only, no index entry.
      for (const t of old) {
        const sub = subscription({ kind: 'all' }, CHANNEL, undefined, t);
        await kv.write({ [SubscriptionStore.keyOf(sub)]: { ...sub } });
      }
      const config = configFromStores(stores());
      const all = new Set(Array.from({ length: K }, (_, p) => p));
      assert.deepEqual(sorted(await config.tenants(all)), sorted(old));
      kv.listed = [];
      await config.tenants(all);
      assert.ok(!kv.listed.some((l) => l.prefix === 'subscriptions/'), 'the full listing ran once');
    });

    it('lets the new owner of a moved partition find every one of its tenants', async () => {
      for (const t of TENANTS)
        await stores().subscriptions.add(subscription({ kind: 'all' }, CHANNEL, undefined, t));
      const a = configFromStores(stores());
      const b = configFromStores(stores());
      const aOwns = new Set([0, 1, 2, 3]);
      const bOwns = new Set([4, 5, 6, 7]);
      const before = [...(await a.tenants(aOwns)), ...(await b.tenants(bOwns))];
      assert.deepEqual(sorted(before), sorted(TENANTS));
      // Partition 2 moves from A to B.
      aOwns.delete(2);
      bOwns.add(2);
      const after = [...(await a.tenants(aOwns)), ...(await b.tenants(bOwns))];
      assert.deepEqual(sorted(after), sorted(TENANTS), 'nothing lost, nothing twice');
      assert.deepEqual(sorted(await b.tenants(new Set([2]))), inPartitions(new Set([2])));
    });
  });
}

suite('SQLite', async () => new SqliteStore(':memory:'));

describe('on Azurite', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let n = 0;
  before(async () => {
    azurite = await startAzurite();
  });
  after(() => azurite?.stop());
  it('downloads only its partitions’ subscriptions, and after a move only the moved partition’s', async () => {
    const container = `moved${n++}`;
    const open = () => new AzureBlobStore({ connectionString: azurite.connectionString, container });
    const writer = open();
    const subs = createAlertStores(writer, K).subscriptions;
    for (const t of TENANTS) await subs.add(subscription({ kind: 'all' }, CHANNEL, undefined, t));
    const b = open();
    const config = configFromStores(createAlertStores(b, K));
    // What the monitor lists each cycle: its partitions' tenants, then each tenant's subscriptions.
    const cycle = async (owned: ReadonlySet<number>) => {
      for (const t of await config.tenants(owned)) await config.subscriptions(t);
    };
    const owned = new Set([4, 5, 6, 7]);
    await cycle(owned);
    assert.equal(b.listDownloads, inPartitions(owned).length, 'the index is listed by name: no download');
    const warm = b.listDownloads;
    await cycle(owned);
    assert.equal(b.listDownloads, warm, 'a warm cycle downloads nothing');
    owned.add(2);
    await cycle(owned);
    const moved = inPartitions(new Set([2])).length;
    assert.ok(moved > 0);
    assert.equal(b.listDownloads - warm, moved, 'the subscription of each moved tenant, nothing else');
    await writer.close();
    await b.close();
  });
  suite(
    'Azure Blob',
    async () => new AzureBlobStore({ connectionString: azurite.connectionString, container: `index${n++}` }),
  );
});
