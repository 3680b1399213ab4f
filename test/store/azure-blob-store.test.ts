import { ContainerClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AzureBlobStore } from '../../src/store/azure-blob/azure-blob-store';
import type { KeyValueStore } from '../../src/store/store';
import { startAzurite, type Azurite } from './azurite';
import { concurrencyContract } from './concurrency-contract';
import { storeContract, type StoreHarness } from './contract';

let azurite: Azurite;

function blobHarness(): StoreHarness {
  const container = `contract-${randomUUID().slice(0, 8)}`;
  const open = async (): Promise<KeyValueStore> =>
    new AzureBlobStore({ connectionString: azurite.connectionString, container });
  return {
    open,
    reopen: open,
    async dispose() {
      await new ContainerClient(azurite.connectionString, container).deleteIfExists();
    },
  };
}

describe('Azure Blob Storage (Azurite on loopback)', () => {
  before(async function () {
    this.timeout(20_000);
    azurite = await startAzurite();
  });
  after(() => azurite?.stop());

  storeContract('AzureBlobStore', blobHarness);
  concurrencyContract('AzureBlobStore', blobHarness);
  describeAzureSpecifics();
});

function describeAzureSpecifics(): void {
  describe('AzureBlobStore on Azurite', () => {
    let container: string;
    let client: ContainerClient;
    beforeEach(() => {
      container = `blob-${randomUUID().slice(0, 8)}`;
      client = new ContainerClient(azurite.connectionString, container);
    });
    afterEach(() => client.deleteIfExists());

    it('names blobs as BlobsStorage does, so either reads what the other wrote', async () => {
      const store = new AzureBlobStore({ connectionString: azurite.connectionString, container });
      const key = 'conversations/t1/19:x@thread.tacv2;messageid=1';
      await store.write({ [key]: { from: 'store' } });
      const names: string[] = [];
      for await (const b of client.listBlobsFlat()) names.push(b.name);
      assert.deepEqual(names, ['conversations%2Ft1%2F19%3Ax%40thread.tacv2%3Bmessageid%3D1']);
      const plain = new BlobsStorage(azurite.connectionString, container);
      assert.equal((await plain.read([key]))[key].from, 'store');
      await plain.write({ 'written/by plain': { from: 'plain' } });
      assert.equal((await store.list('written/'))['written/by plain'].from, 'plain');
    });

    it('lists around lease and heartbeat blobs that share the container', async () => {
      const store = new AzureBlobStore({ connectionString: azurite.connectionString, container });
      await store.write({ leases: { v: 1 }, 'instances/a': { v: 2 } });
      await client.getBlockBlobClient('leases/partition-0').upload('', 0);
      await client.getBlockBlobClient('instances/host-1').upload('{}', 2);
      assert.deepEqual(Object.keys(await store.list('')).sort(), ['instances/a', 'leases']);
      assert.deepEqual(Object.keys(await store.list('instances/')), ['instances/a']);
    });

    it('downloads on a later listing only the blobs whose eTag changed', async () => {
      const store = new AzureBlobStore({ connectionString: azurite.connectionString, container });
      const rules = Object.fromEntries(Array.from({ length: 39 }, (_, i) => [`rules/t1/r${i}`, { i }]));
      await store.write(rules);
      const downloaded: string[] = [];
      const read = BlobsStorage.prototype.read;
      BlobsStorage.prototype.read = function (keys: string[]) {
        downloaded.push(...keys);
        return read.call(this, keys);
      };
      try {
        assert.equal(Object.keys(await store.list('rules/t1/')).length, 39);
        assert.equal(downloaded.length, 39);
        downloaded.length = 0;
        await new BlobsStorage(azurite.connectionString, container).write({
          'rules/t1/r7': { i: 'changed' },
        });
        const again = await store.list('rules/t1/');
        assert.deepEqual(downloaded, ['rules/t1/r7']);
        assert.equal(again['rules/t1/r7'].i, 'changed');
        assert.equal(again['rules/t1/r8'].i, 8);
        assert.equal(Object.keys(again).length, 39);
      } finally {
        BlobsStorage.prototype.read = read;
      }
    });

    it('refuses keys BlobsStorage would alias, before touching storage', async () => {
      const store = new AzureBlobStore({ connectionString: azurite.connectionString, container });
      for (const key of ['a//b', '/lead', 'trail/', '']) {
        await assert.rejects(
          store.write({ [key]: { v: 1 } }),
          /cannot be stored in Azure Blob Storage: .*(empty)/,
        );
      }
      await assert.rejects(store.read(['x'.repeat(1100)]), /over 1,024 URI-encoded characters/);
      await assert.rejects(store.delete(['a//b']), /empty path segment/);
      assert.equal(await client.exists(), false);
    });

    it('reaches the container through an account URL and a credential, creating it when missing', async () => {
      const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
      const store = new AzureBlobStore({ accountUrl: azurite.accountUrl, credential, container });
      await store.ping();
      assert.equal(await client.exists(), true);
      await store.write({ 'via/url': { ok: true } });
      assert.equal((await store.list('via/'))['via/url'].ok, true);
    });

    it('fails ping promptly when the endpoint is down', async () => {
      const down = azurite.connectionString.replace(`:${azurite.port}/`, ':1/');
      const store = new AzureBlobStore({ connectionString: down, container, retry: { maxTries: 1 } });
      const started = Date.now();
      await assert.rejects(store.ping(), /ECONNREFUSED|connect/);
      assert.ok(Date.now() - started < 5_000);
    });

    it('names the variable when the settings are incomplete or malformed', () => {
      assert.throws(
        () => new AzureBlobStore({}),
        /AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL is required/,
      );
      assert.throws(
        () => new AzureBlobStore({ accountUrl: 'pulse.blob.core.windows.net' }),
        /AZURE_STORAGE_ACCOUNT_URL must be/,
      );
      assert.throws(
        () => new AzureBlobStore({ connectionString: azurite.connectionString, container: 'Bad_Name' }),
        /AZURE_STORAGE_CONTAINER must be 3-63 lowercase.*"Bad_Name"/,
      );
    });
  });
}
