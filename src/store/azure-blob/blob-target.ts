import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import {
  ContainerClient,
  StorageSharedKeyCredential,
  type StoragePipelineOptions,
} from '@azure/storage-blob';

/** The container M365 Pulse uses when `AZURE_STORAGE_CONTAINER` is not set. */
export const DEFAULT_CONTAINER = 'm365-pulse';

/** Where the blobs live: a connection string, or an account URL with Entra ID (managed identity) auth. */
export interface AzureBlobTarget {
  /** `AZURE_STORAGE_CONNECTION_STRING`; wins over `accountUrl` when both are set. */
  connectionString?: string;
  /** `AZURE_STORAGE_ACCOUNT_URL`, e.g. `https://pulse.blob.core.windows.net`. */
  accountUrl?: string;
  /** `AZURE_CLIENT_ID`: the user-assigned managed identity to use with `accountUrl`. */
  clientId?: string;
  /** `AZURE_STORAGE_CONTAINER`, created if missing. */
  container?: string;
  /** Replaces DefaultAzureCredential with `accountUrl` (tests use a shared key against Azurite). */
  credential?: TokenCredential | StorageSharedKeyCredential;
  /** Azure SDK retries; the default keeps a dead endpoint from stalling a turn or /readyz for minutes. */
  retry?: StoragePipelineOptions['retryOptions'];
}

/** A resolved target: the container client plus what BlobsStorage's constructor needs to reach the same place. */
export interface OpenedTarget {
  container: string;
  client: ContainerClient;
  pipeline: StoragePipelineOptions;
  /** BlobsStorage's (connectionString, containerName, options, url, credential) arguments. */
  blobsArgs: { connectionString: string; containerName: string; url: string; credential?: BlobsCredential };
}

type BlobsCredential = TokenCredential | StorageSharedKeyCredential;

const DEFAULT_RETRY = { maxTries: 3, tryTimeoutInMs: 15_000, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 };

/** Validates the target and builds clients; throws naming the environment variable that is wrong. */
export function openTarget(target: AzureBlobTarget): OpenedTarget {
  const container = target.container ?? DEFAULT_CONTAINER;
  const bad = containerNameProblem(container);
  if (bad) throw new Error(`AZURE_STORAGE_CONTAINER ${bad}`);
  const pipeline: StoragePipelineOptions = { retryOptions: { ...DEFAULT_RETRY, ...target.retry } };
  if (target.connectionString) {
    return {
      container,
      client: new ContainerClient(target.connectionString, container, pipeline),
      pipeline,
      blobsArgs: { connectionString: target.connectionString, containerName: container, url: '' },
    };
  }
  if (!target.accountUrl)
    throw new Error(
      'AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL is required when STORE is azure-blob',
    );
  // One path segment is allowed for path-style endpoints (Azurite: http://127.0.0.1:10000/devstoreaccount1).
  if (!/^https?:\/\/[^\s/]+(\/[^\s/]+)?\/?$/i.test(target.accountUrl))
    throw new Error(
      'AZURE_STORAGE_ACCOUNT_URL must be the account endpoint, e.g. https://myaccount.blob.core.windows.net',
    );
  const url = `${target.accountUrl.replace(/\/+$/, '')}/${container}`;
  const credential =
    target.credential ??
    new DefaultAzureCredential(target.clientId ? { managedIdentityClientId: target.clientId } : {});
  return {
    container,
    client: new ContainerClient(url, credential, pipeline),
    pipeline,
    blobsArgs: { connectionString: '', containerName: '', url, credential },
  };
}

/** Azure's container naming rule, as a sentence, or undefined when `name` follows it. */
export function containerNameProblem(name: string): string | undefined {
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(name))
    return `must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (got "${name}")`;
  return undefined;
}
