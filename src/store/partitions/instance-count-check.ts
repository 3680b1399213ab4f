import type { PartitionLeases } from './partition-leases';

/**
 * Warns (once) when more instances share the pool than `GRAPH_BUDGET_INSTANCES` says: their slices of Graph's quota
 * then add up to more than Graph allows. Checked whenever partitions move, as they do when an instance joins.
 * Returns the unsubscribe function.
 */
export function warnAboveBudgetInstances(
  leases: PartitionLeases,
  instances: number,
  warn: (fields: Record<string, unknown>, message: string) => void,
): () => void {
  let warned = false;
  return leases.onChange(() => {
    const live = leases.liveInstances?.() ?? 1;
    if (warned || live <= instances) return;
    warned = true;
    warn(
      { liveInstances: live, GRAPH_BUDGET_INSTANCES: instances },
      'more instances than GRAPH_BUDGET_INSTANCES: together they may exceed Graph request limits; raise it',
    );
  });
}
