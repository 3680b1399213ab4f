/** The service communications API root, relative to `{base}/v1.0`. */
export const ANNOUNCEMENT_ROOT = '/admin/serviceAnnouncement';

/** The `Prefer` header of a collection read: the documented maximum (1,000) unless told otherwise. */
export function preferPageSize(size = 1000): Record<string, string> {
  return { Prefer: `odata.maxpagesize=${Math.min(1000, Math.max(1, Math.floor(size)))}` };
}

/** A collection path with an optional `$filter` (percent-encoded; dates stay unquoted as OData wants). */
export function collectionPath(
  collection: 'healthOverviews' | 'issues' | 'messages',
  filter?: string,
): string {
  return `${ANNOUNCEMENT_ROOT}/${collection}${filter ? `?$filter=${encodeURIComponent(filter)}` : ''}`;
}

/** One issue or message by id. */
export function itemPath(collection: 'issues' | 'messages', id: string): string {
  return `${ANNOUNCEMENT_ROOT}/${collection}/${encodeURIComponent(id)}`;
}

/** `lastModifiedDateTime ge 2026-12-04T09:30:00Z`: whole seconds, UTC, unquoted. */
export function modifiedSinceFilter(sinceMs: number): string {
  return `lastModifiedDateTime ge ${new Date(sinceMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

/**
 * The path of an `@odata.nextLink` relative to `{base}/v1.0`, or undefined when it points anywhere else (a link
 * to another origin must never receive the tenant's token).
 */
export function nextLinkPath(link: unknown, base: string): string | undefined {
  if (typeof link !== 'string') return undefined;
  const prefix = `${base.replace(/\/+$/, '')}/v1.0/`;
  if (!link.startsWith(prefix)) return undefined;
  return `/${link.slice(prefix.length)}`;
}
