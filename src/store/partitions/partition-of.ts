import { fnv1a } from '../../domain/fnv1a';

/** Partition count when `MONITOR_PARTITIONS` is not set. */
export const DEFAULT_PARTITIONS = 32;

/**
 * The partition (0..count-1) a tenant belongs to: FNV-1a 32-bit over the UTF-8 of the trimmed, lower-cased
 * tenant id, modulo `count`. Stable across processes, versions and platforms; changing it reshuffles every
 * tenant, so treat it as a storage format.
 */
export function partitionOf(tenantId: string, count: number = DEFAULT_PARTITIONS): number {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`partition count must be a positive integer, got ${count}`);
  return fnv1a(tenantId.trim().toLowerCase()) % count;
}
