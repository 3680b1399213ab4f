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
before(async function () {
  this.timeout(20_000);
  azurite = await startAzurite();
});
after(() => azurite?.stop());

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

storeContract('AzureBlobStore', blobHarness);
concurrencyContract('AzureBlobStore', blobHarness);
