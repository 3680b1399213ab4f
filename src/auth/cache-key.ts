import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config/config';
import type { KeyValueStore } from '../store/store';
import { decrypt, encrypt, newCacheKey, parseCacheKey } from './cache-crypto';

const CHECK_KEY = 'tokencache/_keycheck';
const CHECK_TEXT = 'm365-pulse token cache';

/** The key did not decrypt what is already in the store: started with the wrong TOKEN_CACHE_KEY. */
export class WrongCacheKeyError extends ConfigError {
  constructor() {
    super(
      'TOKEN_CACHE_KEY',
      'does not decrypt the token cache already in the store (wrong key?). Use the key it was written with, or delete the tokencache/ entries to make every admin sign in again.',
    );
    this.name = 'WrongCacheKeyError';
  }
}

/**
 * The token cache key: TOKEN_CACHE_KEY when set; in demo mode, one generated once into `demoKeyFile` (mode 0600).
 * Checked against a sealed marker in the store, so a wrong key stops startup instead of silently losing sign-ins.
 */
export async function resolveCacheKey(
  store: KeyValueStore,
  configured: string | undefined,
  demoKeyFile: string,
): Promise<Buffer> {
  const key = parseCacheKey(configured ?? demoKey(demoKeyFile));
  const existing = (await store.read([CHECK_KEY]))[CHECK_KEY];
  if (existing) {
    try {
      if (decrypt(key, String(existing.sealed), CHECK_KEY) === CHECK_TEXT) return key;
    } catch {
      /* falls through */
    }
    throw new WrongCacheKeyError();
  }
  await store.write({ [CHECK_KEY]: { sealed: encrypt(key, CHECK_TEXT, CHECK_KEY) } });
  return key;
}

function demoKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = newCacheKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
