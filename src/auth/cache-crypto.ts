import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Parses TOKEN_CACHE_KEY: 32 bytes as base64 (44 chars) or hex (64 chars). Throws a message naming the format. */
export function parseCacheKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new Error('must be 32 random bytes, base64 or hex encoded (e.g. `openssl rand -base64 32`)');
  return key;
}

/** A fresh random key, base64, for demo mode. */
export function newCacheKey(): string {
  return randomBytes(32).toString('base64');
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). `context` is bound as associated data (the token-cache scope). */
export function encrypt(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Reverses `encrypt`; throws when the key is wrong or the bytes or the context were tampered with. */
export function decrypt(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined)
    throw new Error('not an encrypted token cache entry');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
