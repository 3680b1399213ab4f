import { decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** The signed-in person a valid Teams SSO token names. */
export interface TabUser {
  tenantId: string;
  /** Entra object id, lower case. */
  oid: string;
  name?: string;
  upn?: string;
}

export interface SsoTokenRules {
  /** `api://<BOT_DOMAIN>/botid-<BOT_ID>` and the Entra app id: the audiences Teams SSO tokens for this app carry. */
  audiences: readonly string[];
  /** Tenants that may use the app (lower case). */
  allowedTenants: readonly string[];
  /** Entra's signing keys (from the authority's OpenID metadata). */
  keys: JWTVerifyGetKey;
  /** The v2 issuer of a tenant: `https://login.microsoftonline.com/<tid>/v2.0` on the public cloud. */
  issuerOf(tenantId: string): string;
  now?: () => number;
}

/** Why a token was refused: 401 (no valid token: sign in again) or 403 (a valid token of a tenant not served). */
export interface TokenRefusal {
  status: 401 | 403;
  reason: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a Teams SSO token as Entra issued it: RS256 signature by one of Entra's keys, the v2 issuer of the token's
 * own tenant, one of our audiences, expiry and not-before (5 s of clock skew), then the tenant allow-list. Reasons
 * are for logs and the 401 body; they never contain the token.
 */
export async function verifySsoToken(
  token: string,
  rules: SsoTokenRules,
): Promise<{ ok: true; user: TabUser } | { ok: false; refusal: TokenRefusal }> {
  const refuse = (status: 401 | 403, reason: string) => ({ ok: false as const, refusal: { status, reason } });
  let tid: unknown;
  try {
    tid = decodeJwt(token).tid;
  } catch {
    return refuse(401, 'The token is not a JWT.');
  }
  if (typeof tid !== 'string' || !GUID.test(tid)) return refuse(401, 'The token names no tenant (tid).');
  try {
    const { payload } = await jwtVerify(token, rules.keys, {
      algorithms: ['RS256'],
      issuer: rules.issuerOf(tid),
      audience: [...rules.audiences],
      clockTolerance: 5,
      currentDate: rules.now ? new Date(rules.now()) : undefined,
      requiredClaims: ['exp', 'oid'],
    });
    const tenantId = tid.toLowerCase();
    if (!rules.allowedTenants.includes(tenantId))
      return refuse(403, `Tenant ${tenantId} is not among the tenants this app serves (ALLOWED_TENANTS).`);
    return {
      ok: true,
      user: {
        tenantId,
        oid: String(payload.oid).toLowerCase(),
        name: typeof payload.name === 'string' ? payload.name : undefined,
        upn: typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined,
      },
    };
  } catch (err) {
    return refuse(401, refusalReason(err));
  }
}

function refusalReason(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired.';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'The token is for another application (aud).';
    if (err.claim === 'iss') return 'The token was not issued by Entra for its tenant (iss).';
    if (err.claim === 'nbf') return 'The token is not valid yet (nbf).';
    return `The token's ${err.claim} claim is not valid.`;
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey)
    return "The token's signature does not match Entra's keys.";
  if (err instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with RS256.';
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid)
    return "Entra's signing keys could not be read.";
  return 'The token could not be verified.';
}
