// BlobsStorage's own naming function, so our names can never drift from its (see azure-blob-store.ts).
// eslint-disable-next-line no-restricted-imports
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';

/**
 * How BlobsStorage names blobs: empty path segments are dropped (`a//b/` → `a/b`), the rest is
 * `encodeURIComponent`-ed (so `/` becomes `%2F` and a store blob name never holds a literal `/`) and cut at
 * 1,024 characters. We use its own function so `list(prefix)` maps names back exactly as it wrote them.
 */
export function blobNameOf(key: string): string {
  return sanitizeBlobKey(key);
}

/** The store key behind a blob name, or undefined for blobs the store did not write (e.g. `leases/partition-3`). */
export function keyOfBlobName(name: string): string | undefined {
  if (name.includes('/')) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

/**
 * Why BlobsStorage cannot keep `key` distinct from other keys (it would silently alias them), or undefined when
 * it round-trips. Empty segments, names past 1,024 encoded characters and deep paths are the lossy cases.
 */
export function unrepresentableReason(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  if (key.split('/').includes('')) return 'it has an empty path segment (leading, trailing or double "/")';
  let name: string;
  try {
    name = blobNameOf(key);
  } catch {
    return 'it is not valid Unicode (lone surrogate)';
  }
  if (keyOfBlobName(name) !== key) return 'it is over 1,024 URI-encoded characters or 254 "/" long';
  return undefined;
}

/** The blob-name prefix that lists every key starting with `prefix` (no sanitising: `a/` must stay `a%2F`). */
export function blobPrefixOf(prefix: string): string {
  return encodeURIComponent(prefix);
}
