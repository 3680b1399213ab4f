import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

export interface EntraKeySource {
  /** AAD_APP_OAUTH_AUTHORITY_HOST, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** MSAL_AUTHORITY_METADATA: its `jwks_uri` is used as is (air-gapped networks, tests). */
  authorityMetadata?: string;
}

/**
 * Entra's token signing keys: the `jwks_uri` of MSAL_AUTHORITY_METADATA when set, else of the authority's common
 * OpenID metadata (read once, on the first token). jose caches the keys and refetches them when a token names an
 * unknown key id (at most every 30 s), which is how Entra's key rollover reaches us.
 */
export function entraKeys(source: EntraKeySource): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const metadata = source.authorityMetadata
      ? (JSON.parse(source.authorityMetadata) as { jwks_uri?: string })
      : await fetchMetadata(`${source.authorityHost}/common/v2.0/.well-known/openid-configuration`);
    if (!metadata.jwks_uri) throw new Error('The OpenID metadata has no jwks_uri');
    return createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: 5_000 });
  };
  return async (header, token) => {
    keys ??= load().catch((err: unknown) => {
      keys = undefined;
      throw err;
    });
    return (await keys)(header, token);
  };
}

async function fetchMetadata(url: string): Promise<{ jwks_uri?: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`OpenID metadata ${url} answered HTTP ${res.status}`);
  return (await res.json()) as { jwks_uri?: string };
}

/**
 * The v2 issuer of a tenant, on the host of the metadata's issuer or else the authority host (login.microsoftonline.com
 * on the public cloud):
 * Entra's common metadata says `https://login.microsoftonline.com/{tenantid}/v2.0`.
 */
export function issuerFor(source: EntraKeySource): (tenantId: string) => string {
  const declared = source.authorityMetadata
    ? (JSON.parse(source.authorityMetadata) as { issuer?: string }).issuer
    : undefined;
  const origin = new URL(declared ?? source.authorityHost).origin;
  return (tenantId) => `${origin}/${tenantId}/v2.0`;
}
