import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type Simulator } from '../../src/simulator';
import { TENANT } from './activities';

/** The demo identity against a simulated tenant: the same on-behalf-of path as production, without SSO. */
export function demoIdentityEnv(sim: Simulator, tenant = TENANT): Record<string, string> {
  return {
    GRAPH_BASE_URL: sim.url,
    DEMO_IDENTITY: 'true',
    AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
    AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    AAD_APP_TENANT_ID: tenant,
    MSAL_AUTHORITY_METADATA: sim.authorityMetadata(tenant),
  };
}
