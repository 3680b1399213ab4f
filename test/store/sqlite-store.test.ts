import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ETagConflictError } from '../../src/store/store';
import { concurrencyContract } from './concurrency-contract';
import { storeContract, type StoreHarness } from './contract';

describe('SqliteStore', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-store-'));
    store = new SqliteStore(join(dir, 'nested', 'pulse.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads what it wrote with a fresh eTag, omitting missing keys', async () => {
    await store.write({ a: { n: 1, nested: { x: [1, 2] } } });
    const got = await store.read(['a', 'missing']);
    assert.deepEqual(Object.keys(got), ['a']);
    assert.equal(got.a.n, 1);
    assert.deepEqual(got.a.nested, { x: [1, 2] });
    assert.equal(typeof got.a.eTag, 'string');
  });

  it('accepts a write with the current eTag and rejects a stale one', async () => {
    await store.write({ k: { v: 1 } });
    const first = (await store.read(['k'])).k;
    await store.write({ k: { ...first, v: 2 } });
    await assert.rejects(
      store.write({ k: { ...first, v: 3 } }),
      (e: unknown) => e instanceof ETagConflictError && /"k"/.test(e.message),
    );
    assert.equal((await store.read(['k'])).k.v, 2);
    await store.write({ k: { v: 4, eTag: '*' } });
    assert.equal((await store.read(['k'])).k.v, 4);
  });

  it('rolls back the whole batch when one item conflicts', async () => {
    await store.write({ a: { v: 1 } });
    await assert.rejects(store.write({ b: { v: 1 }, a: { v: 2, eTag: 'stale' } }), ETagConflictError);
    assert.deepEqual(await store.read(['b']), {});
  });

  it('deletes, and lists by prefix only', async () => {
    await store.write({
      'conversations/t1/a': { v: 1 },
      'conversations/t1/b': { v: 2 },
      'conversations/t2/c': { v: 3 },
      other: {},
    });
    assert.deepEqual(Object.keys(await store.list('conversations/t1/')), [
      'conversations/t1/a',
      'conversations/t1/b',
    ]);
    await store.delete(['conversations/t1/a', 'never-there']);
    assert.deepEqual(Object.keys(await store.list('conversations/')), [
      'conversations/t1/b',
      'conversations/t2/c',
    ]);
  });

  it('keeps data across a restart', async () => {
    await store.write({ persisted: { hello: 'world' } });
    await store.close();
    store = new SqliteStore(join(dir, 'nested', 'pulse.db'));
    assert.equal((await store.read(['persisted'])).persisted.hello, 'world');
    await store.ping();
  });
});

function sqliteHarness(): StoreHarness {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-contract-'));
  const path = join(dir, 'pulse.db');
  const opened: SqliteStore[] = [];
  const open = async () => {
    const s = new SqliteStore(path);
    opened.push(s);
    return s;
  };
  return {
    open,
    reopen: open,
    async dispose() {
      await Promise.all(opened.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

storeContract('SqliteStore', sqliteHarness);
concurrencyContract('SqliteStore', sqliteHarness);
