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

/** GCM's full 128-bit tag: a shorter one would let a forger succeed far more often (4 bytes: one in 2^32). */
const TAG_BYTES = 16;
const IV_BYTES = 12;

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). `context` is bound as associated data (the token-cache scope). */
export function encrypt(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/**
 * Reverses `encrypt`; throws when the key is wrong, the bytes or the context were tampered with, or the tag is not
 * the full 16 bytes (Node would otherwise check only as many tag bytes as it is given).
 */
export function decrypt(key: Buffer, sealed: string, context: string): string {
  const [version, ivText, tagText, body, extra] = sealed.split('.');
  if (version !== 'v1' || !ivText || !tagText || body === undefined || extra !== undefined)
    throw new Error('not an encrypted token cache entry');
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new Error('not an encrypted token cache entry (wrong IV or tag length)');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
