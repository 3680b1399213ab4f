import type { ContainerClient } from '@azure/storage-blob';

/** Heartbeat blobs are `instances/<id>`, rewritten every renew period; their Last-Modified is the server's clock. */
export const INSTANCE_PREFIX = 'instances/';

/** Writes this instance's heartbeat; resolves to the server time of the write, so peers' clocks never matter. */
export async function writeHeartbeat(client: ContainerClient, id: string, owned: number[]): Promise<number> {
  const body = JSON.stringify({ instanceId: id, at: new Date().toISOString(), owned });
  const res = await client
    .getBlockBlobClient(`${INSTANCE_PREFIX}${id}`)
    .upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  return res.lastModified?.getTime() ?? Date.now();
}

/** Instance id → server time of its last heartbeat. */
export async function readHeartbeats(client: ContainerClient): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for await (const blob of client.listBlobsFlat({ prefix: INSTANCE_PREFIX })) {
    out.set(blob.name.slice(INSTANCE_PREFIX.length), blob.properties.lastModified.getTime());
  }
  return out;
}

/** Removes heartbeats of instances gone for longer than `olderThanMs` (autoscale leaves many behind). */
export async function pruneHeartbeats(
  client: ContainerClient,
  heartbeats: ReadonlyMap<string, number>,
  serverNow: number,
  olderThanMs: number,
): Promise<void> {
  const gone = [...heartbeats].filter(([, at]) => serverNow - at > olderThanMs).map(([id]) => id);
  await Promise.allSettled(gone.map((id) => deleteHeartbeat(client, id)));
}

export async function deleteHeartbeat(client: ContainerClient, id: string): Promise<void> {
  await client.getBlobClient(`${INSTANCE_PREFIX}${id}`).deleteIfExists();
}
