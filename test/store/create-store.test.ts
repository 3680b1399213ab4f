import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
      const store = await createStore({ sqlitePath: join(dir, 'x', 'pulse.db') });
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

  it('opens Azure Blob Storage from a connection string or an account URL', async () => {
    assert.ok(
      (await createStore({ kind: 'azure-blob', azure: { connectionString: CONN } })) instanceof
        AzureBlobStore,
    );
    const viaUrl = await createStore({
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

  it('names the missing variable for azure-blob', async () => {
    await assert.rejects(
      createStore({ kind: 'azure-blob' }),
      /AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL is required when STORE is azure-blob/,
    );
  });
});

describe('createStore on SQLite', () => {
  it('does not load the Azure SDK (about 0.2 s of every start)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-lazy-'));
    try {
      const script = `
        const { createStore, createPartitionLeases } = require(${JSON.stringify(require.resolve('../../src/store/create-store'))});
        (async () => {
          const store = await createStore({ sqlitePath: ${JSON.stringify(join(dir, 'pulse.db'))} });
          await (await createPartitionLeases({})).start();
          await store.close();
          const azure = Object.keys(require.cache).filter((f) => /@azure|botbuilder-azure-blobs/.test(f));
          console.log(JSON.stringify(azure));
        })();`;
      const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(out), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createPartitionLeases', () => {
  it('owns everything in process on SQLite and uses blob leases on Azure', async () => {
    const local = await createPartitionLeases({ partitions: 4 });
    assert.ok(local instanceof InProcessLeases);
    await local.start();
    assert.equal(local.owned().size, 4);
    const shared = await createPartitionLeases({
      kind: 'azure-blob',
      azure: { connectionString: CONN },
      leaseSeconds: 60,
    });
    assert.ok(shared instanceof BlobLeases);
    await assert.rejects(
      createPartitionLeases({ kind: 'azure-blob', azure: { connectionString: CONN }, leaseSeconds: 5 }),
      /LEASE_SECONDS must be a whole number from 15 to 60/,
    );
  });
});
