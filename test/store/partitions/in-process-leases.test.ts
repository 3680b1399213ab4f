import assert from 'node:assert/strict';
import { InProcessLeases } from '../../../src/store/partitions/in-process-leases';

describe('InProcessLeases', () => {
  it('owns every partition from start to stop and reports each change', async () => {
    const leases = new InProcessLeases(8);
    const seen: number[][] = [];
    const off = leases.onChange((owned) => seen.push([...owned]));
    assert.equal(leases.owns('72f988bf-86f1-41af-91ab-2d7cd011db47'), false);
    await leases.start();
    assert.deepEqual([...leases.owned()], [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(leases.owns('72f988bf-86f1-41af-91ab-2d7cd011db47'), true);
    await leases.stop();
    off();
    await leases.start();
    assert.deepEqual(seen, [[0, 1, 2, 3, 4, 5, 6, 7], []]);
  });
});
