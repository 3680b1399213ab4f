import type { AzureBlobTarget } from './azure-blob/blob-target';
import type { BlobLeasesOptions } from './partitions/blob-leases';
import { InProcessLeases } from './partitions/in-process-leases';
import type { PartitionLeases } from './partitions/partition-leases';
import { SqliteStore } from './sqlite-store';
import type { KeyValueStore } from './store';

/** `STORE`: the embedded single-instance store, or Azure Blob Storage for several instances. */
export type StoreKind = 'sqlite' | 'azure-blob';

/** Plain options the composition root fills from Config (variable names in the comments). */
export interface StoreOptions {
  /** `STORE`. Default sqlite. */
  kind?: StoreKind;
  /** `STORE_PATH`, for sqlite. Default ./data/pulse.db. */
  sqlitePath?: string;
  /** `AZURE_STORAGE_CONNECTION_STRING`, `AZURE_STORAGE_ACCOUNT_URL`, `AZURE_CLIENT_ID`, `AZURE_STORAGE_CONTAINER`. */
  azure?: AzureBlobTarget;
  /** `MONITOR_PARTITIONS`. Default 32. */
  partitions?: number;
  /** `LEASE_SECONDS`. Default 30. */
  leaseSeconds?: number;
}

/**
 * Opens the configured store; rejects naming the variable when the Azure settings are incomplete. The Azure SDK is
 * loaded only for `azure-blob` (it adds about 0.2 s to every start).
 */
export async function createStore(options: StoreOptions): Promise<KeyValueStore> {
  if ((options.kind ?? 'sqlite') === 'sqlite')
    return new SqliteStore(options.sqlitePath ?? './data/pulse.db');
  const { AzureBlobStore } = await import('./azure-blob/azure-blob-store');
  return new AzureBlobStore(options.azure ?? {});
}

/**
 * The partition pool matching the store: one instance owns everything on SQLite; on Azure Blob, instances
 * share the partitions through blob leases in the same container. Call `start()` before polling.
 */
export async function createPartitionLeases(
  options: StoreOptions,
  extra: Omit<BlobLeasesOptions, 'partitions' | 'leaseSeconds'> = {},
): Promise<PartitionLeases> {
  if ((options.kind ?? 'sqlite') === 'sqlite') return new InProcessLeases(options.partitions);
  const [{ openTarget }, { BlobLeases }] = await Promise.all([
    import('./azure-blob/blob-target'),
    import('./partitions/blob-leases'),
  ]);
  const { client } = openTarget(options.azure ?? {});
  return new BlobLeases(client, {
    ...extra,
    partitions: options.partitions,
    leaseSeconds: options.leaseSeconds,
  });
}
