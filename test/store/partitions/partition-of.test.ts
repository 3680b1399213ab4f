import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { partitionOf } from '../../../src/store/partitions/partition-of';

describe('partitionOf', () => {
  it('matches FNV-1a 32-bit of the lower-cased UTF-8 id (golden values from an independent implementation)', () => {
    const cases: [string, number, number][] = [
      ['72f988bf-86f1-41af-91ab-2d7cd011db47', 10, 2],
      ['contoso.onmicrosoft.com', 30, 1],
      ['00000000-0000-0000-0000-000000000000', 17, 3],
      ['é', 1, 2],
    ];
    for (const [tenant, of32, of7] of cases) {
      assert.equal(partitionOf(tenant), of32, tenant);
      assert.equal(partitionOf(tenant, 7), of7, tenant);
    }
  });

  it('keeps the stored assignment of tenants to partitions (values computed before the hash was shared)', () => {
    const assigned: [string, number, number, number, number][] = [
      ['72f988bf-86f1-41af-91ab-2d7cd011db47', 10, 2, 42, 282],
      ['Fabrikam.OnMicrosoft.com', 28, 0, 28, 196],
      ['d4a5c1b0-3f2e-4c9a-8b7d-6e5f4a3b2c1d', 31, 4, 63, 799],
      ['Zürich-Tenant', 7, 3, 7, 263],
      ['東京テナント', 16, 6, 48, 560],
      ['tenant-😀', 5, 5, 5, 37],
    ];
    for (const [tenant, of32, of7, of64, of1000] of assigned)
      assert.deepEqual(
        [partitionOf(tenant), partitionOf(tenant, 7), partitionOf(tenant, 64), partitionOf(tenant, 1000)],
        [of32, of7, of64, of1000],
        tenant,
      );
  });

  it('ignores case and surrounding spaces', () => {
    assert.equal(partitionOf(' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 '), 10);
  });

  it('spreads tenant ids evenly over 32 partitions', () => {
    const counts = new Array<number>(32).fill(0);
    for (let i = 0; i < 6400; i++) {
      const h = createHash('sha1').update(String(i)).digest('hex');
      const guid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      counts[partitionOf(guid)]++;
    }
    assert.ok(Math.min(...counts) > 140 && Math.max(...counts) < 260, counts.join(','));
  });

  it('rejects a partition count that is not a positive integer', () => {
    assert.throws(() => partitionOf('t', 0), /positive integer, got 0/);
    assert.throws(() => partitionOf('t', 2.5), /positive integer, got 2.5/);
  });
});
