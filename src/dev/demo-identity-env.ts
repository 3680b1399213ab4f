import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type Simulator } from '../simulator';

/**
 * The bot's settings for the demo identity against a simulated tenant: the simulator's demo app registration (its
 * client secret is a public value only the simulator's Entra emulator accepts) and its token endpoint, on the same
 * on-behalf-of path as production, without SSO. Used by `npm start`, the tests and the benchmarks.
 */
export function demoIdentityEnv(
  sim: Pick<Simulator, 'url' | 'authorityMetadata'>,
  tenantId: string,
): Record<string, string> {
  return {
    GRAPH_BASE_URL: sim.url,
    DEMO_IDENTITY: 'true',
    AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
    AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    AAD_APP_TENANT_ID: tenantId,
    MSAL_AUTHORITY_METADATA: sim.authorityMetadata(tenantId),
  };
}
