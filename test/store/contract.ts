import assert from 'node:assert/strict';
import { ETagConflictError, type KeyValueStore } from '../../src/store/store';

/** How a backend plugs into the shared suites. */
export interface StoreHarness {
  /** A fresh, empty store. */
  open(): Promise<KeyValueStore>;
  /** Another client on the data of the last `open()`: a restart, or a second instance. */
  reopen(): Promise<KeyValueStore>;
  /** Closes every client it opened and removes the data. */
  dispose(): Promise<void>;
}

/** Keys the bot really produces, plus the characters that break naive escaping. */
export const ODD_KEYS = [
  'conversations/72f988bf-86f1-41af-91ab-2d7cd011db47/19:a1b2c3@thread.tacv2;messageid=1712345678901',
  'conversations/tenant/a:1Xyz-personal_chat',
  'tokencache/tenant/users/oid with spaces',
  'tenants/é文字/😀',
  'literal%2Fpercent/and%20more',
  'query?a=b&c=d#frag',
  'plus+equals=;colon:semicolon;',
  'quotes\'"and\\backslash',
];

const isConflict = (key: string) => (e: unknown) =>
  e instanceof ETagConflictError && e.message.includes(`"${key}"`) && /eTag conflict/.test(e.message);

/** The KeyValueStore contract: botbuilder Storage semantics plus list, ping and create-only writes. */
export function storeContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: KeyValueStore contract`, () => {
    let h: StoreHarness;
    let store: KeyValueStore;
    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(() => h.dispose());

    it('reads what it wrote with a string eTag, omitting missing keys', async () => {
      await store.write({ a: { n: 1, nested: { x: [1, 2], s: 'text' }, flag: false, none: null } });
      const got = await store.read(['a', 'missing']);
      assert.deepEqual(Object.keys(got), ['a']);
      const { eTag, ...value } = got.a;
      assert.deepEqual(value, { n: 1, nested: { x: [1, 2], s: 'text' }, flag: false, none: null });
      assert.equal(typeof eTag, 'string');
      assert.ok(eTag);
      assert.deepEqual(await store.read([]), {});
    });

    it('gives every write a new eTag; no eTag and "*" overwrite', async () => {
      await store.write({ k: { v: 1 } });
      const first = (await store.read(['k'])).k;
      await store.write({ k: { v: 2 } });
      const second = (await store.read(['k'])).k;
      assert.notEqual(second.eTag, first.eTag);
      await store.write({ k: { v: 3, eTag: '*' } });
      const third = (await store.read(['k'])).k;
      assert.equal(third.v, 3);
      assert.notEqual(third.eTag, second.eTag);
    });

    it('accepts the current eTag and rejects a stale one, leaving the item as it was', async () => {
      await store.write({ k: { v: 1 } });
      const first = (await store.read(['k'])).k;
      await store.write({ k: { ...first, v: 2 } });
      await assert.rejects(store.write({ k: { ...first, v: 3 } }), isConflict('k'));
      assert.equal((await store.read(['k'])).k.v, 2);
    });

    it('lets a missing item take any eTag, once (the teams-ai SSO dedup pattern)', async () => {
      await store.write({ dedup: { eTag: 'exchange-1' } });
      assert.ok((await store.read(['dedup'])).dedup);
      await assert.rejects(store.write({ dedup: { eTag: 'exchange-1' } }), isConflict('dedup'));
    });

    it('creates only when absent with createOnly', async () => {
      await store.write({ c: { v: 1 } }, { createOnly: true });
      assert.equal((await store.read(['c'])).c.v, 1);
      await assert.rejects(store.write({ c: { v: 2 } }, { createOnly: true }), isConflict('c'));
      await assert.rejects(store.write({ c: { v: 2, eTag: '*' } }, { createOnly: true }), isConflict('c'));
      assert.equal((await store.read(['c'])).c.v, 1);
    });

    it('deletes, ignores missing keys, and treats a deleted item as missing', async () => {
      await store.write({ d: { v: 1 }, e: { v: 2 } });
      const old = (await store.read(['d'])).d;
      await store.delete(['d', 'never-there']);
      assert.deepEqual(Object.keys(await store.read(['d', 'e'])), ['e']);
      await store.delete([]);
      await store.write({ d: { ...old, v: 3 } });
      assert.equal((await store.read(['d'])).d.v, 3);
    });

    it('lists by prefix only, with eTags usable for the next write', async () => {
      await store.write({
        'conversations/t1/a': { v: 1 },
        'conversations/t1/b': { v: 2 },
        'conversations/t10/c': { v: 3 },
        'conversations/t2/d': { v: 4 },
        other: { v: 5 },
      });
      const t1 = await store.list('conversations/t1/');
      assert.deepEqual(Object.keys(t1).sort(), ['conversations/t1/a', 'conversations/t1/b']);
      assert.equal(t1['conversations/t1/b'].v, 2);
      await store.write({ 'conversations/t1/a': { ...t1['conversations/t1/a'], v: 10 } });
      assert.deepEqual(Object.keys(await store.list('conversations/t1')).sort(), [
        'conversations/t1/a',
        'conversations/t1/b',
        'conversations/t10/c',
      ]);
      assert.equal(Object.keys(await store.list('')).length, 5);
      assert.deepEqual(await store.list('nothing/'), {});
    });

    it('lists keys by prefix, in key order, without their values', async () => {
      await store.write({
        'subscription-index/8/1/t2/x': { v: 1 },
        'subscription-index/8/1/t1/y': { v: 2 },
        'subscription-index/8/10/t3/z': { v: 3 },
      });
      assert.ok(store.listKeys, 'both stores list keys');
      assert.deepEqual(await store.listKeys('subscription-index/8/1/'), [
        'subscription-index/8/1/t1/y',
        'subscription-index/8/1/t2/x',
      ]);
      assert.deepEqual(await store.listKeys('nothing/'), []);
    });

    it('lists what another client changed since the last listing, and copies what it returns', async () => {
      await store.write({ 'rules/t1/a': { v: 1 }, 'rules/t1/b': { v: 2 }, 'rules/t1/c': { v: 3 } });
      const first = await store.list('rules/t1/');
      first['rules/t1/a'].v = 'mutated by the caller';
      const other = await h.reopen();
      await other.write({ 'rules/t1/b': { v: 20 } });
      await other.delete(['rules/t1/c']);
      const second = await store.list('rules/t1/');
      assert.deepEqual(Object.fromEntries(Object.entries(second).map(([k, item]) => [k, item.v])), {
        'rules/t1/a': 1,
        'rules/t1/b': 20,
      });
      await store.write({ 'rules/t1/a': { ...second['rules/t1/a'], v: 10 } });
      await assert.rejects(
        store.write({ 'rules/t1/a': { ...second['rules/t1/a'], v: 11 } }),
        isConflict('rules/t1/a'),
      );
      assert.equal((await other.list('rules/t1/'))['rules/t1/a'].v, 10);
    });

    it('writes a batch, and rejects one with a conflicting item without changing that item', async () => {
      const batch = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`batch/${i}`, { i }]));
      await store.write(batch);
      const read = await store.read(Object.keys(batch));
      assert.equal(Object.keys(read).length, 25);
      assert.equal(read['batch/24'].i, 24);
      await store.write({ 'batch/0': { i: 'changed' } });
      await assert.rejects(
        store.write({ 'batch/0': { ...read['batch/0'], i: 'lost' }, 'batch/new': { i: 'new' } }),
        isConflict('batch/0'),
      );
      assert.equal((await store.read(['batch/0']))['batch/0'].i, 'changed');
    });

    it('keeps odd and unicode keys distinct through write, read, list and delete', async () => {
      await store.write(Object.fromEntries(ODD_KEYS.map((k, i) => [k, { i, k }])));
      const got = await store.read(ODD_KEYS);
      assert.deepEqual(Object.keys(got).sort(), [...ODD_KEYS].sort());
      ODD_KEYS.forEach((k, i) => assert.deepEqual({ i: got[k].i, k: got[k].k }, { i, k }));
      assert.deepEqual(Object.keys(await store.list('conversations/')).sort(), ODD_KEYS.slice(0, 2).sort());
      assert.deepEqual(Object.keys(await store.list('tenants/é文')), ['tenants/é文字/😀']);
      assert.deepEqual(Object.keys(await store.list('literal%2F')), ['literal%2Fpercent/and%20more']);
      assert.deepEqual(await store.list('literal/'), {});
      assert.deepEqual(Object.keys(await store.list('')).sort(), [...ODD_KEYS].sort());
      await store.delete(ODD_KEYS.slice(0, 4));
      assert.deepEqual(Object.keys(await store.list('')).sort(), ODD_KEYS.slice(4).sort());
    });

    it('round-trips a 100 KB value with multi-byte characters', async () => {
      const text = 'é文😀a'.repeat(20_000);
      const rows = Array.from({ length: 500 }, (_, i) => ({ i, id: `r${i}`, value: i / 7 }));
      await store.write({ big: { text, rows } });
      const got = (await store.read(['big'])).big;
      assert.ok(Buffer.byteLength(JSON.stringify(got)) > 100_000);
      assert.equal(got.text, text);
      assert.deepEqual(got.rows, rows);
    });

    it('keeps data and eTags for a new client (restart, or another instance)', async () => {
      await store.write({ persisted: { hello: 'world' } });
      const before = (await store.read(['persisted'])).persisted;
      const other = await h.reopen();
      const after = (await other.read(['persisted'])).persisted;
      assert.deepEqual(after, before);
      await other.write({ persisted: { ...after, hello: 'again' } });
      await assert.rejects(
        store.write({ persisted: { ...before, hello: 'stale' } }),
        isConflict('persisted'),
      );
      assert.equal((await store.read(['persisted'])).persisted.hello, 'again');
      await other.ping();
    });

    it('answers ping', async () => {
      await store.ping();
    });
  });
}
