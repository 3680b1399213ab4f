import assert from 'node:assert/strict';
import { fnv1a, FNV1A_OFFSET_BASIS } from '../../src/domain/fnv1a';

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit test vectors', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
    assert.equal(fnv1a('foobar'), 0xbf9cf968);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    // 'é' is one UTF-16 unit (0xe9) but two UTF-8 bytes (0xc3 0xa9).
    const byUnit = Math.imul(FNV1A_OFFSET_BASIS ^ 0xe9, 0x01000193) >>> 0;
    assert.notEqual(fnv1a('é'), byUnit);
    const byByte = Math.imul(Math.imul(FNV1A_OFFSET_BASIS ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0;
    assert.equal(fnv1a('é'), byByte);
  });

  it('starts from another basis when given one', () => {
    assert.notEqual(fnv1a('x', FNV1A_OFFSET_BASIS ^ 7), fnv1a('x'));
  });
});
