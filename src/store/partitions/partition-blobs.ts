import type { ContainerClient } from '@azure/storage-blob';

/** Lease blobs are `leases/partition-<n>`: raw names with a `/`, so they never collide with store keys. */
export const LEASE_PREFIX = 'leases/partition-';

export function leaseBlobName(partition: number): string {
  return `${LEASE_PREFIX}${partition}`;
}

/** Creates the empty lease blobs that do not exist yet (create-only, so a leased blob is never touched). */
export async function ensurePartitionBlobs(client: ContainerClient, partitions: number): Promise<void> {
  await client.createIfNotExists();
  const existing = new Set<string>();
  for await (const blob of client.listBlobsFlat({ prefix: LEASE_PREFIX })) existing.add(blob.name);
  const missing = Array.from({ length: partitions }, (_, p) => leaseBlobName(p)).filter(
    (n) => !existing.has(n),
  );
  await Promise.all(
    missing.map((name) =>
      client
        .getBlockBlobClient(name)
        .upload('', 0, { conditions: { ifNoneMatch: '*' } })
        .catch((e: { statusCode?: number }) => {
          if (e.statusCode !== 409 && e.statusCode !== 412) throw e;
        }),
    ),
  );
}

/** Partitions below `partitions` whose lease nobody holds (available, expired or broken), from one listing. */
export async function freePartitions(client: ContainerClient, partitions: number): Promise<number[]> {
  const free: number[] = [];
  for await (const blob of client.listBlobsFlat({ prefix: LEASE_PREFIX })) {
    const p = Number(blob.name.slice(LEASE_PREFIX.length));
    const state = blob.properties.leaseState;
    if (
      Number.isInteger(p) &&
      p < partitions &&
      (state === 'available' || state === 'expired' || state === 'broken')
    )
      free.push(p);
  }
  return free;
}
