import assert from 'node:assert/strict';
import { serialized } from '../../src/store/key-queue';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ETagConflictError, type KeyValueStore, type StoreItems } from '../../src/store/store';
import { UpdateConflictError, updateWithRetry } from '../../src/store/update-with-retry';

/** A real in-memory SQLite store whose next `conflicts` writes lose to a rival writer first. */
function racedStore(conflicts: number): { store: KeyValueStore; inner: SqliteStore; writes: StoreItems[] } {
  const inner = new SqliteStore(':memory:');
  const writes: StoreItems[] = [];
  let left = conflicts;
  const store: KeyValueStore = {
    read: (keys) => inner.read(keys),
    async write(changes, options) {
      writes.push(changes);
      if (left-- > 0) await inner.write({ n: { n: -1, rival: true } });
      return inner.write(changes, options);
    },
    delete: (keys) => inner.delete(keys),
    list: (p) => inner.list(p),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return { store, inner, writes };
}

const noSleep = async () => undefined;

describe('updateWithRetry', () => {
  it('re-reads and re-applies after each lost race, then writes with the eTag it read', async () => {
    const { store, inner, writes } = racedStore(3);
    await inner.write({ n: { n: 1 } });
    const seen: unknown[] = [];
    const delays: number[] = [];
    const result = await updateWithRetry<{ n: number }>(
      store,
      'n',
      (cur) => {
        seen.push(cur);
        return { n: (cur?.n ?? 0) + 10 };
      },
      { sleep: async (ms) => void delays.push(ms), maxDelayMs: 40 },
    );
    assert.deepEqual(result, { n: 9 });
    assert.deepEqual(seen, [
      { n: 1 },
      { n: -1, rival: true },
      { n: -1, rival: true },
      { n: -1, rival: true },
    ]);
    assert.ok(writes.every((w) => typeof w.n.eTag === 'string'));
    assert.equal(delays.length, 3);
    assert.ok(delays.every((d) => d >= 0 && d <= 40));
    assert.equal((await store.read(['n'])).n.n, 9);
  });

  it('gives up after the attempt budget with an error naming the key', async () => {
    const { store, inner } = racedStore(100);
    await inner.write({ n: { n: 1 } });
    let conflicts = 0;
    await assert.rejects(
      updateWithRetry(store, 'n', () => ({ n: 2 }), {
        attempts: 4,
        sleep: noSleep,
        onConflict: () => conflicts++,
      }),
      (e: unknown) =>
        e instanceof UpdateConflictError && /gave up updating "n" after 4 eTag conflicts/.test(e.message),
    );
    assert.equal(conflicts, 4);
  });

  it('creates a missing item create-only, and skips the write when mutate returns undefined', async () => {
    const { store, writes } = racedStore(0);
    assert.equal(await updateWithRetry(store, 'k', () => undefined), undefined);
    assert.equal(writes.length, 0);
    assert.deepEqual(await updateWithRetry<{ v: number }>(store, 'k', (cur) => ({ v: (cur?.v ?? 0) + 1 })), {
      v: 1,
    });
    await assert.rejects(store.write({ k: { v: 9 } }, { createOnly: true }), ETagConflictError);
    assert.deepEqual(await updateWithRetry<{ v: number }>(store, 'k', () => undefined), { v: 1 });
  });

  it('passes other errors through and refuses to overwrite an item read without an eTag', async () => {
    const broken: KeyValueStore = {
      ...racedStore(0).store,
      read: async () => ({ k: { v: 1 } }),
    };
    await assert.rejects(
      updateWithRetry(broken, 'k', () => ({ v: 2 })),
      /read without an eTag; refusing a blind overwrite/,
    );
    const failing: KeyValueStore = {
      ...racedStore(0).store,
      write: async () => {
        throw new Error('disk full');
      },
    };
    await assert.rejects(
      updateWithRetry(failing, 'k', () => ({ v: 2 })),
      /disk full/,
    );
  });
});

describe('serialized', () => {
  it('runs tasks of one owner and key one at a time, in order, past failures', async () => {
    const owner = {};
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      serialized(owner, 'k', task('a')),
      serialized(owner, 'k', task('b', true)),
      serialized(owner, 'k', task('c')),
      serialized(owner, 'other', task('x')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    const kOnly = log.filter((l) => !l.endsWith(' x'));
    assert.deepEqual(kOnly, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    assert.ok(log.indexOf('start x') < log.indexOf('end a'), 'another key runs alongside');
  });
});
