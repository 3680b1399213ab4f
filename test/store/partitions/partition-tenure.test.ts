import assert from 'node:assert/strict';
import type { PartitionLeases } from '../../../src/store/partitions/partition-leases';
import { partitionOf } from '../../../src/store/partitions/partition-of';
import { PartitionTenure } from '../../../src/store/partitions/partition-tenure';
import { InProcessLeases } from '../../../src/store/partitions/in-process-leases';
import { warnAboveBudgetInstances } from '../../../src/store/partitions/instance-count-check';

/** Leases whose owned set the test sets; `owned()` is what the real ones report (deadlines applied). */
class SetLeases implements PartitionLeases {
  current = new Set<number>();
  private readonly listeners = new Set<(owned: ReadonlySet<number>) => void>();
  async start(): Promise<void> {}
  owned(): ReadonlySet<number> {
    return this.current;
  }
  owns(t: string): boolean {
    return this.current.has(partitionOf(t, 4));
  }
  onChange(cb: (owned: ReadonlySet<number>) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  async stop(): Promise<void> {}
  set(ps: number[], notify = true): void {
    this.current = new Set(ps);
    if (notify) this.listeners.forEach((cb) => cb(this.current));
  }
}

describe('store/partitions/partition-tenure', () => {
  const tenantIn = (p: number) => {
    for (let i = 0; ; i++) if (partitionOf(`tenant-${i}`, 4) === p) return `tenant-${i}`;
  };

  it('dates each partition from when it appeared and forgets it when it leaves', () => {
    let now = 1_000;
    const leases = new SetLeases();
    const tenure = new PartitionTenure(leases, 4, () => now);
    assert.equal(tenure.heldSince(tenantIn(0)), undefined);
    leases.set([0, 1]);
    now = 2_000;
    leases.set([0, 1, 2]);
    assert.equal(tenure.heldSince(tenantIn(0)), 1_000);
    assert.equal(tenure.heldSince(tenantIn(2)), 2_000);
    now = 3_000;
    leases.set([1, 2]);
    leases.set([0, 1, 2]);
    assert.equal(tenure.heldSince(tenantIn(0)), 3_000, 'held again: a new tenure');
    assert.equal(tenure.heldSince(tenantIn(3)), undefined);
  });

  it('reads the owned set on every look-up, so a lapsed lease stops counting without an event', () => {
    const leases = new SetLeases();
    const tenure = new PartitionTenure(leases, 4, () => 5);
    leases.set([1]);
    leases.set([], false);
    assert.equal(tenure.heldSince(tenantIn(1)), undefined);
  });

  it('holds every partition of the single-instance pool from its start', async () => {
    const leases = new InProcessLeases(4);
    const tenure = new PartitionTenure(leases, 4, () => 42);
    assert.equal(tenure.heldSince('any-tenant'), undefined);
    await leases.start();
    assert.equal(tenure.heldSince('any-tenant'), 42);
    await leases.stop();
    assert.equal(tenure.heldSince('any-tenant'), undefined);
  });
});

describe('store/partitions/instance-count-check', () => {
  it('warns once when more instances are live than GRAPH_BUDGET_INSTANCES, naming both numbers', () => {
    let live = 3;
    const leases = Object.assign(new SetLeases(), { liveInstances: () => live });
    const warnings: Record<string, unknown>[] = [];
    warnAboveBudgetInstances(leases, 3, (fields) => warnings.push(fields));
    leases.set([1]);
    assert.deepEqual(warnings, []);
    live = 4;
    leases.set([1, 2]);
    leases.set([2]);
    assert.deepEqual(warnings, [{ liveInstances: 4, GRAPH_BUDGET_INSTANCES: 3 }]);
  });
});
