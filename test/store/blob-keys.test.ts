import assert from 'node:assert/strict';
import {
  blobNameOf,
  blobPrefixOf,
  keyOfBlobName,
  unrepresentableReason,
} from '../../src/store/azure-blob/blob-keys';
import { containerNameProblem } from '../../src/store/azure-blob/blob-target';
import { ODD_KEYS } from './contract';

describe('blob keys', () => {
  it('encodes keys the way BlobsStorage names its blobs', () => {
    const cases: [string, string][] = [
      ['conversations/t1/a', 'conversations%2Ft1%2Fa'],
      ['tokencache/t/users/oid 1', 'tokencache%2Ft%2Fusers%2Foid%201'],
      ['19:x@thread.tacv2;messageid=1', '19%3Ax%40thread.tacv2%3Bmessageid%3D1'],
      ['é/😀', '%C3%A9%2F%F0%9F%98%80'],
      ['100%', '100%25'],
    ];
    for (const [key, name] of cases) {
      assert.equal(blobNameOf(key), name, key);
      assert.equal(keyOfBlobName(name), key);
    }
  });

  it('round-trips every odd key, and a prefix encodes to a prefix of its keys', () => {
    for (const key of ODD_KEYS) {
      assert.equal(unrepresentableReason(key), undefined, key);
      assert.equal(keyOfBlobName(blobNameOf(key)), key);
      for (const cut of [1, 5, key.indexOf('/') + 1].filter((n) => n > 0)) {
        const prefix = key.slice(0, cut);
        if (/[\uD800-\uDBFF]$/.test(prefix)) continue;
        assert.ok(blobNameOf(key).startsWith(blobPrefixOf(prefix)), `${key} / ${prefix}`);
      }
    }
    assert.equal(blobPrefixOf('conversations/'), 'conversations%2F');
  });

  it('ignores raw names with a "/" and names that are not URI-encoded', () => {
    assert.equal(keyOfBlobName('leases/partition-3'), undefined);
    assert.equal(keyOfBlobName('instances/host-1'), undefined);
    assert.equal(keyOfBlobName('bad%E0%A4%A'), undefined);
  });

  it('says why a key cannot be kept distinct', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['a//b', /empty path segment/],
      ['/a', /empty path segment/],
      ['a/', /empty path segment/],
      ['x'.repeat(1025), /1,024/],
      ['é'.repeat(200), /1,024/],
      [Array.from({ length: 300 }, () => 'a').join('/'), /254 "\/"/],
      ['lone\uD800', /lone surrogate/],
    ];
    for (const [key, reason] of cases)
      assert.match(unrepresentableReason(key) ?? 'fits', reason, key.slice(0, 20));
    assert.equal(unrepresentableReason('x'.repeat(1024)), undefined);
  });

  it('checks container names against Azure rules', () => {
    for (const ok of ['m365-pulse', 'abc', 'a1-b2', 'x'.repeat(63)])
      assert.equal(containerNameProblem(ok), undefined, ok);
    for (const bad of ['ab', 'Pulse', 'a--b', '-ab', 'ab-', 'a_b', 'x'.repeat(64)])
      assert.match(containerNameProblem(bad) ?? 'ok', /3-63 lowercase/, bad);
  });
});
