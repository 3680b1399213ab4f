import assert from 'node:assert/strict';
import { BlockPool } from '../../src/graph/block-pool';

describe('graph/block-pool', () => {
  it('hands out zero-filled records across slabs and reuses released ones without leaking old values', () => {
    const pool = new BlockPool(3, 2);
    const ids = [pool.alloc(), pool.alloc(), pool.alloc()];
    assert.deepEqual(ids, [0, 1, 2]);
    for (const id of ids) pool.data(id).fill(id + 1, pool.offset(id), pool.offset(id) + 3);
    assert.notEqual(pool.data(0), pool.data(2), 'the third record lives in a second slab');
    assert.deepEqual([...pool.data(1).subarray(pool.offset(1), pool.offset(1) + 3)], [2, 2, 2]);
    pool.release(1);
    assert.equal(pool.inUse, 2);
    const again = pool.alloc();
    assert.equal(again, 1);
    assert.deepEqual([...pool.data(again).subarray(pool.offset(again), pool.offset(again) + 3)], [0, 0, 0]);
    assert.deepEqual([...pool.data(0).subarray(0, 3)], [1, 1, 1], 'neighbours untouched');
  });
});
