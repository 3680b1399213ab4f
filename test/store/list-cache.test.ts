import assert from 'node:assert/strict';
import { ListCache } from '../../src/store/azure-blob/list-cache';

describe('ListCache', () => {
  it('answers only for the eTag it kept, quoted as downloads give it or bare as listings do', () => {
    const cache = new ListCache();
    cache.put('rules/a', { v: 1, eTag: '"0x1"' });
    assert.deepEqual(cache.get('rules/a', '0x1'), { v: 1, eTag: '"0x1"' });
    assert.deepEqual(cache.get('rules/a', '"0x1"'), { v: 1, eTag: '"0x1"' });
    assert.equal(cache.get('rules/a', '0x2'), undefined);
    assert.equal(cache.get('rules/a', undefined), undefined);
    assert.equal(cache.get('rules/b', '0x1'), undefined);
  });

  it('hands out copies, so a caller changing an item changes nothing kept', () => {
    const cache = new ListCache();
    const item = { nested: { v: 1 }, eTag: '0x1' };
    cache.put('k', item);
    item.nested.v = 2;
    const got = cache.get('k', '0x1')!;
    (got.nested as { v: number }).v = 3;
    assert.deepEqual(cache.get('k', '0x1'), { nested: { v: 1 }, eTag: '0x1' });
  });

  it('keeps nothing without an eTag, replaces on a new one, and forgets on request', () => {
    const cache = new ListCache();
    cache.put('k', { v: 1 });
    assert.equal(cache.size, 0);
    cache.put('k', { v: 1, eTag: '0x1' });
    cache.put('k', { v: 2, eTag: '0x2' });
    assert.equal(cache.size, 1);
    assert.equal(cache.get('k', '0x1'), undefined);
    assert.equal(cache.get('k', '0x2')?.v, 2);
    cache.forget('k');
    cache.forget('never kept');
    assert.equal(cache.size, 0);
  });

  it('drops the least recently used entries once over its size', () => {
    const one = JSON.stringify({ v: 'x', eTag: '0x1' }).length;
    const cache = new ListCache(3 * one);
    for (const k of ['a', 'b', 'c']) cache.put(k, { v: 'x', eTag: '0x1' });
    assert.ok(cache.get('a', '0x1'), 'a used last, so b is now the oldest');
    cache.put('d', { v: 'x', eTag: '0x1' });
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b', '0x1'), undefined);
    for (const k of ['a', 'c', 'd']) assert.ok(cache.get(k, '0x1'), k);
  });

  it('counts a use only on a hit, and keeps no item larger than its size', () => {
    const one = JSON.stringify({ v: 'x', eTag: '0x1' }).length;
    const cache = new ListCache(2 * one);
    cache.put('a', { v: 'x', eTag: '0x1' });
    cache.put('b', { v: 'x', eTag: '0x1' });
    assert.equal(cache.get('a', '0x2'), undefined, 'a stale eTag is no use of a');
    cache.put('c', { v: 'x', eTag: '0x1' });
    assert.equal(cache.get('a', '0x1'), undefined);
    assert.ok(cache.get('b', '0x1'));

    cache.put('b', { v: 'x'.repeat(2 * one), eTag: '0x2' });
    assert.equal(cache.get('b', '0x1'), undefined, 'the old version is gone too');
    assert.equal(cache.get('b', '0x2'), undefined);
    assert.equal(cache.size, 1);
  });
});
