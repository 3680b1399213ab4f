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
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(tenantId.trim().toLowerCase(), 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}
