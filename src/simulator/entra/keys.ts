import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** The emulator's RS256 signing key and its JWKS `kid`. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

let shared: SigningKey | undefined;

/** A fresh 2048-bit RSA signing key (about 50–150 ms). */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(der).digest('base64url').slice(0, 27);
  return { kid, privateKey, publicKey };
}

/** One key per process, shared by every simulator (like Entra's common keys); keeps test start-up fast. */
export function sharedSigningKey(): SigningKey {
  shared ??= createSigningKey();
  return shared;
}

/** The JWKS document served at `/{tenant}/discovery/v2.0/keys`. */
export function jwks(key: SigningKey): { keys: Record<string, unknown>[] } {
  const { n, e } = key.publicKey.export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: key.kid, n, e }] };
}

/** Signs claims (which must already hold iat/nbf/exp) as an RS256 JWT with the key's `kid`. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  return jwt.sign(claims, key.privateKey, { algorithm: 'RS256', keyid: key.kid });
}

/** Why a token was rejected, phrased like Graph's InvalidAuthenticationToken messages. */
export type VerifyFailure = 'expired' | 'audience' | 'signature' | 'malformed';

/** Verifies signature (RS256 only), expiry and not-before against `nowMs`, and optionally the audience. */
export function verifyJwt(
  key: SigningKey,
  token: string,
  nowMs: number,
  audience?: string | RegExp | (string | RegExp)[],
): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: VerifyFailure } {
  try {
    const claims = jwt.verify(token, key.publicKey, {
      algorithms: ['RS256'],
      clockTimestamp: Math.floor(nowMs / 1000),
      clockTolerance: 0,
      audience: audience as jwt.VerifyOptions['audience'],
    });
    if (typeof claims === 'string') return { ok: false, reason: 'malformed' };
    return { ok: true, claims: claims as Record<string, unknown> };
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError || err instanceof jwt.NotBeforeError)
      return { ok: false, reason: 'expired' };
    const message = err instanceof Error ? err.message : '';
    if (/audience/.test(message)) return { ok: false, reason: 'audience' };
    if (/signature/.test(message)) return { ok: false, reason: 'signature' };
    return { ok: false, reason: 'malformed' };
  }
}
