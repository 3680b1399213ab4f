import { homeAccountIdOf, type TokenCacheScope } from './token-cache-scope';

/** msal-node's serialized cache: entity kind → key → entity (snake_case fields). */
export type SerializedCache = Record<string, Record<string, { home_account_id?: string; realm?: string }>>;

const KINDS = ['Account', 'IdToken', 'AccessToken', 'RefreshToken', 'AppMetadata'] as const;

/** True when an entity belongs to the scope: a user's account entities, or a tenant's app-only tokens. */
export function belongs(entity: { home_account_id?: string; realm?: string }, p: TokenCacheScope): boolean {
  const home = (entity.home_account_id ?? '').toLowerCase();
  if (p.kind === 'user') return home === homeAccountIdOf(p);
  return home === '' && (entity.realm ?? '').toLowerCase() === p.tenantId.toLowerCase();
}

/** The entities of one scope only: what may be persisted under its key. */
export function onlyScope(cache: SerializedCache, p: TokenCacheScope): SerializedCache {
  return filter(cache, (e) => belongs(e, p));
}

/** Everything but one scope: the in-memory rest that a load must keep. */
export function withoutScope(cache: SerializedCache, p: TokenCacheScope): SerializedCache {
  return filter(cache, (e) => !belongs(e, p));
}

/** Union of two caches (the second wins on equal keys). */
export function mergeCaches(a: SerializedCache, b: SerializedCache): SerializedCache {
  const out: SerializedCache = {};
  for (const kind of KINDS) out[kind] = { ...(a[kind] ?? {}), ...(b[kind] ?? {}) };
  return out;
}

export function isEmpty(cache: SerializedCache): boolean {
  return KINDS.every((k) => Object.keys(cache[k] ?? {}).length === 0 || k === 'AppMetadata');
}

function filter(
  cache: SerializedCache,
  keep: (e: { home_account_id?: string; realm?: string }) => boolean,
): SerializedCache {
  const out: SerializedCache = {};
  for (const kind of KINDS) {
    out[kind] = Object.fromEntries(
      Object.entries(cache[kind] ?? {}).filter(([, e]) => kind === 'AppMetadata' || keep(e)),
    );
  }
  return out;
}
