import type { ContainerClient } from '@azure/storage-blob';
// The one Bot Framework package outside src/teams/: BlobsStorage implements botbuilder's Storage contract on Azure
// Blob Storage. Only this folder uses it; swapping it for direct @azure/storage-blob calls would touch only this folder.
// eslint-disable-next-line no-restricted-imports
import { BlobsStorage } from 'botbuilder-azure-blobs';
import {
  ETagConflictError,
  type KeyValueStore,
  type StoreItem,
  type StoreItems,
  type WriteOptions,
} from '../store';
import { blobNameOf, blobPrefixOf, keyOfBlobName, unrepresentableReason } from './blob-keys';
import { openTarget, type AzureBlobTarget } from './blob-target';
import { ListCache } from './list-cache';

/** How many blobs `list` downloads at once. */
const LIST_CONCURRENCY = 16;

/**
 * Azure Blob Storage behind our KeyValueStore: botbuilder's BlobsStorage does read, write and delete (one
 * JSON blob per key, named as in blob-keys.ts); `@azure/storage-blob` adds what it lacks: `list`, `ping`,
 * create-only writes, and our missing-item-accepts-any-eTag rule (BlobsStorage sends If-Match, which a
 * missing blob fails). Writes in one batch are not atomic across keys, unlike SqliteStore.
 */
export class AzureBlobStore implements KeyValueStore {
  private readonly blobs: BlobsStorage;
  private readonly client: ContainerClient;
  private ready?: Promise<unknown>;
  /** What `list` downloaded, so an unchanged blob is not downloaded again (the monitor lists rules every cycle). */
  private readonly listed = new ListCache();
  private downloaded = 0;

  constructor(target: AzureBlobTarget) {
    const opened = openTarget(target);
    const { connectionString, containerName, url, credential } = opened.blobsArgs;
    this.blobs = new BlobsStorage(
      connectionString,
      containerName,
      { storagePipelineOptions: opened.pipeline },
      url,
      credential,
    );
    this.client = opened.client;
  }

  /** The container this store writes to (shared with BlobLeases). */
  get containerClient(): ContainerClient {
    return this.client;
  }

  async read(keys: string[]): Promise<StoreItems> {
    keys.forEach(checkKey);
    return this.blobs.read(keys);
  }

  async write(changes: StoreItems, options: WriteOptions = {}): Promise<void> {
    const entries = Object.entries(changes);
    entries.forEach(([key]) => checkKey(key));
    await this.ensureContainer();
    const results = await Promise.allSettled(
      entries.map(([key, item]) => (options.createOnly ? this.create(key, item) : this.put(key, item))),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach(checkKey);
    await this.blobs.delete(keys);
    keys.forEach((k) => this.listed.forget(k));
  }

  async list(prefix: string): Promise<StoreItems> {
    await this.ensureContainer();
    const out: StoreItems = {};
    const keys: string[] = [];
    const changed: string[] = [];
    for await (const blob of this.client.listBlobsFlat({ prefix: blobPrefixOf(prefix) })) {
      const key = keyOfBlobName(blob.name);
      if (key === undefined || !key.startsWith(prefix)) continue;
      keys.push(key);
      const kept = this.listed.get(key, blob.properties.etag);
      if (kept) out[key] = kept;
      else changed.push(key);
    }
    this.downloaded += changed.length;
    for (let i = 0; i < changed.length; i += LIST_CONCURRENCY) {
      const read = await this.blobs.read(changed.slice(i, i + LIST_CONCURRENCY));
      for (const [key, item] of Object.entries(read)) {
        out[key] = item;
        this.listed.put(key, item);
      }
    }
    // In listing order; a blob deleted between the listing and its download is left out.
    return Object.fromEntries(keys.filter((k) => out[k]).map((k) => [k, out[k]]));
  }

  async listKeys(prefix: string): Promise<string[]> {
    await this.ensureContainer();
    const keys: string[] = [];
    for await (const blob of this.client.listBlobsFlat({ prefix: blobPrefixOf(prefix) })) {
      const key = keyOfBlobName(blob.name);
      if (key !== undefined && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }

  /** Blobs `list` has downloaded since this store was opened (the rest came from its cache). */
  get listDownloads(): number {
    return this.downloaded;
  }

  async ping(): Promise<void> {
    await this.ensureContainer();
    await this.client.getProperties();
  }

  async close(): Promise<void> {
    // HTTP clients hold no handles beyond keep-alive sockets, which the SDK's agent lets go.
  }

  private ensureContainer(): Promise<unknown> {
    this.ready ??= this.client.createIfNotExists().catch((e: unknown) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  /** BlobsStorage's write, with its If-Match failure on a missing blob turned into a create-only write. */
  private async put(key: string, item: StoreItem): Promise<void> {
    try {
      await this.blobs.write({ [key]: item });
    } catch (e) {
      const conditional = typeof item.eTag === 'string' && item.eTag !== '*' && item.eTag !== '';
      if (!conditional || !isPreconditionFailure(e)) throw e;
      if (await this.client.getBlobClient(blobNameOf(key)).exists()) throw new ETagConflictError(key);
      await this.create(key, item);
    }
  }

  private async create(key: string, item: StoreItem): Promise<void> {
    const { eTag: _ignored, ...value } = item;
    const body = JSON.stringify(value);
    try {
      await this.client.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (e) {
      if (statusOf(e) === 409 || statusOf(e) === 412) throw new ETagConflictError(key);
      throw e;
    }
  }
}

function checkKey(key: string): void {
  const reason = unrepresentableReason(key);
  if (reason)
    throw new RangeError(`Storage: key "${key}" cannot be stored in Azure Blob Storage: ${reason}.`);
}

/** BlobsStorage turns 412 into a plain Error with this message; Azure may answer 404 for If-Match on no blob. */
function isPreconditionFailure(e: unknown): boolean {
  return (e instanceof Error && /due to eTag conflict/.test(e.message)) || statusOf(e) === 404;
}

function statusOf(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null && 'statusCode' in e ? Number(e.statusCode) : undefined;
}
