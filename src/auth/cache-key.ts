import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config/config';
import { ETagConflictError, type KeyValueStore } from '../store/store';
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
 * The first instance writes the marker create-only: of two first instances started with different keys, the one
 * that loses the race reads the winner's marker and stops, so the store never holds tokens under two keys.
 */
export async function resolveCacheKey(
  store: KeyValueStore,
  configured: string | undefined,
  demoKeyFile: string,
): Promise<Buffer> {
  const key = parseCacheKey(configured ?? demoKey(demoKeyFile));
  const existing = (await store.read([CHECK_KEY]))[CHECK_KEY];
  if (!existing) {
    try {
      await store.write(
        { [CHECK_KEY]: { sealed: encrypt(key, CHECK_TEXT, CHECK_KEY) } },
        { createOnly: true },
      );
      return key;
    } catch (err) {
      if (!(err instanceof ETagConflictError)) throw err;
    }
  }
  const marker = existing ?? (await store.read([CHECK_KEY]))[CHECK_KEY];
  if (marker && opens(key, marker.sealed)) return key;
  throw new WrongCacheKeyError();
}

function opens(key: Buffer, sealed: unknown): boolean {
  try {
    return decrypt(key, String(sealed), CHECK_KEY) === CHECK_TEXT;
  } catch {
    return false;
  }
}

function demoKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = newCacheKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
