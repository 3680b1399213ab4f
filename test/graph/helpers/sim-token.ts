import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../src/simulator';

/** A tenant-aware token provider that also reports how many tokens it fetched. */
export type CountingTokenProvider = ((tenantId: string) => Promise<string>) & { issued: () => number };

/**
 * Token provider for tests: client credentials against the simulator's Entra emulator (by default the demo app,
 * which has every role granted), cached per tenant like a real app-only provider.
 */
export function simulatorTokenProvider(
  simUrl: string,
  clientId = DEMO_CLIENT_ID,
  clientSecret = DEMO_CLIENT_SECRET,
): CountingTokenProvider {
  const cache = new Map<string, Promise<string>>();
  let issued = 0;
  const fetchToken = async (tenantId: string) => {
    const res = await fetch(`${simUrl}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const body = (await res.json()) as { access_token?: string; error_description?: string };
    if (!res.ok || !body.access_token)
      throw new Error(`token endpoint ${res.status}: ${body.error_description}`);
    issued++;
    return body.access_token;
  };
  const provider = (tenantId: string) => {
    let token = cache.get(tenantId);
    if (!token) {
      token = fetchToken(tenantId);
      cache.set(tenantId, token);
      token.catch(() => cache.delete(tenantId));
    }
    return token;
  };
  return Object.assign(provider, { issued: () => issued });
}
