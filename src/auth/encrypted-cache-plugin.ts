import { TokenCache, type ICachePlugin, type TokenCacheContext } from '@azure/msal-node';
import type { KeyValueStore } from '../store/store';
import { decrypt, encrypt } from './cache-crypto';
import { isEmpty, mergeCaches, onlyScope, withoutScope, type SerializedCache } from './token-cache-scopes';
import {
  currentTokenCacheScope,
  tokenCacheKey,
  tokenCacheKeyOfEntity,
  tokenCacheScopeInFlight,
} from './token-cache-scope';

/**
 * msal-node cache persistence in our store, one encrypted entry per user and tenant (or per tenant's app identity).
 * The scope comes from the async context of the msal call (see `withTokenCacheScope`). Before each msal access the
 * scope is reloaded from the store (another instance may have refreshed or removed it), and msal's memory keeps only
 * the scopes with a call in flight: every other user's entities are dropped (the store has them), so a turn's work
 * (msal's lookups, serialising for a write) grows with the turns in flight, not with everyone who ever signed in.
 * After a change only that scope's entities are encrypted and written, so one user's tokens can never be saved
 * under another user's or tenant's key. Calls outside any scope stay in memory only.
 */
export class EncryptedCachePlugin implements ICachePlugin {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: Buffer,
  ) {}

  async beforeCacheAccess(ctx: TokenCacheContext): Promise<void> {
    const p = currentTokenCacheScope();
    if (!p) return;
    const storeKey = tokenCacheKey(p);
    const item = (await this.store.read([storeKey]))[storeKey];
    const loaded = item
      ? (JSON.parse(decrypt(this.key, String(item.sealed), storeKey)) as SerializedCache)
      : {};
    if (ctx.tokenCache instanceof TokenCache) {
      // msal-node's deserialize only adds to its in-memory key-value map, so the scope's entities are removed from
      // it first (tokens another instance removed at sign-out or replaced must not live on here), and so are those
      // of every scope with no call in flight.
      dropFromMemory(ctx.tokenCache.getKVStore(), storeKey);
      ctx.tokenCache.deserialize(JSON.stringify(loaded));
      return;
    }
    const inMemory = parse(ctx.tokenCache.serialize());
    ctx.tokenCache.deserialize(JSON.stringify(mergeCaches(withoutScope(inMemory, p), loaded)));
  }

  async afterCacheAccess(ctx: TokenCacheContext): Promise<void> {
    const p = currentTokenCacheScope();
    if (!p || !ctx.cacheHasChanged) return;
    const storeKey = tokenCacheKey(p);
    const mine = onlyScope(parse(ctx.tokenCache.serialize()), p);
    if (isEmpty(mine)) await this.store.delete([storeKey]);
    else
      await this.store.write({
        [storeKey]: { sealed: encrypt(this.key, JSON.stringify(mine), storeKey), eTag: '*' },
      });
  }
}

/**
 * Deletes from msal's in-memory map (camelCase entities, unlike serialized) the accounts and tokens of the scope
 * about to be reloaded, and of every scope with no call in flight; shared metadata stays.
 */
function dropFromMemory(kv: Record<string, unknown>, reloading: string): void {
  for (const [key, value] of Object.entries(kv)) {
    const owner = tokenCacheKeyOfEntity(value as { homeAccountId?: string; realm?: string });
    if (owner && (owner === reloading || !tokenCacheScopeInFlight(owner))) delete kv[key];
  }
}

function parse(text: string): SerializedCache {
  return text ? (JSON.parse(text) as SerializedCache) : {};
}
