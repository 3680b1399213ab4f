import type { PartitionLeases } from './partition-leases';
import { partitionOf } from './partition-of';

/**
 * Since when this instance has held each partition without a break, on the given clock: a partition's time is set
 * when it appears in the owned set and forgotten when it leaves it. The request budget asks it who may use the
 * monitor's reserve (`RequestBudget` `heldSince`). Every look-up reads the leases' current owned set first, so a
 * lease past its local deadline stops counting at once.
 */
export class PartitionTenure {
  private readonly since = new Map<number, number>();
  /** The owned set last seen: leases hand out a new set object on every change, so the same one needs no work. */
  private last?: ReadonlySet<number>;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly leases: PartitionLeases,
    private readonly partitions: number,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = leases.onChange((owned) => this.update(owned));
    this.update(leases.owned());
  }

  /** When this instance took the tenant's partition (still held), or undefined when it does not hold it. */
  heldSince(tenantId: string): number | undefined {
    this.update(this.leases.owned());
    return this.since.get(partitionOf(tenantId, this.partitions));
  }

  stop(): void {
    this.unsubscribe();
  }

  private update(owned: ReadonlySet<number>): void {
    if (owned === this.last) return;
    this.last = owned;
    for (const p of this.since.keys()) if (!owned.has(p)) this.since.delete(p);
    if (owned.size === this.since.size) return;
    const t = this.now();
    for (const p of owned) if (!this.since.has(p)) this.since.set(p, t);
  }
}
