import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureBlobStore } from '../../src/store/azure-blob/azure-blob-store';
import { createPartitionLeases, createStore } from '../../src/store/create-store';
import { BlobLeases } from '../../src/store/partitions/blob-leases';
import { InProcessLeases } from '../../src/store/partitions/in-process-leases';
import { SqliteStore } from '../../src/store/sqlite-store';

const CONN =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;';

describe('createStore', () => {
  it('opens SQLite by default at the given path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-create-'));
    try {
      const store = createStore({ sqlitePath: join(dir, 'x', 'pulse.db') });
      assert.ok(store instanceof SqliteStore);
      await store.write({ k: { v: 1 } });
      await store.close();
      const again = new SqliteStore(join(dir, 'x', 'pulse.db'));
      assert.equal((await again.read(['k'])).k.v, 1);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens Azure Blob Storage from a connection string or an account URL', () => {
    assert.ok(
      createStore({ kind: 'azure-blob', azure: { connectionString: CONN } }) instanceof AzureBlobStore,
    );
    const viaUrl = createStore({
      kind: 'azure-blob',
      azure: {
        accountUrl: 'https://pulse.blob.core.windows.net',
        clientId: '00000000-0000-0000-0000-000000000001',
      },
    });
    assert.ok(viaUrl instanceof AzureBlobStore);
    assert.equal(
      (viaUrl as AzureBlobStore).containerClient.url,
      'https://pulse.blob.core.windows.net/m365-pulse',
    );
  });

  it('names the missing variable for azure-blob', () => {
    assert.throws(
      () => createStore({ kind: 'azure-blob' }),
      /AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL is required when STORE is azure-blob/,
    );
  });
});

describe('createPartitionLeases', () => {
  it('owns everything in process on SQLite and uses blob leases on Azure', async () => {
    const local = createPartitionLeases({ partitions: 4 });
    assert.ok(local instanceof InProcessLeases);
    await local.start();
    assert.equal(local.owned().size, 4);
    const shared = createPartitionLeases({
      kind: 'azure-blob',
      azure: { connectionString: CONN },
      leaseSeconds: 60,
    });
    assert.ok(shared instanceof BlobLeases);
    assert.throws(
      () => createPartitionLeases({ kind: 'azure-blob', azure: { connectionString: CONN }, leaseSeconds: 5 }),
      /LEASE_SECONDS must be a whole number from 15 to 60/,
    );
  });
});
