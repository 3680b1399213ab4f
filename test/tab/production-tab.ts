import { startSimulator, type Simulator, type UserAssertionRequest } from '../../src/simulator';
import { ADELE, TENANT } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';

export const BOT_ID = '22222222-3333-4444-8555-666666666666';
export const CLIENT_ID = '33333333-4444-4555-8666-777777777777';
export const DOMAIN = 'pulse.example.com';
/** The app ID URI tab SSO tokens are issued for (the manifest's webApplicationInfo.resource). */
export const APP_ID_URI = `api://${DOMAIN}/botid-${BOT_ID}`;

export interface ProductionTab {
  sim: Simulator;
  h: Harness;
  /** A Teams SSO token for Adele (or whoever `over` says), as Entra would issue it for the tab. */
  ssoToken(over?: Partial<UserAssertionRequest>): string;
  stop(): Promise<void>;
}

/**
 * The bot in production mode (BOT_ID set) against the simulated tenant, whose Entra emulator is the OpenID issuer
 * (MSAL_AUTHORITY_METADATA names its jwks_uri). The app was granted only the Exchange and Teams permissions, so Graph
 * itself denies every other service group.
 */
export async function startProductionTab(): Promise<ProductionTab> {
  const secret = 'tab-test-secret-not-real';
  const sim = await startSimulator({
    clients: {
      [CLIENT_ID]: {
        secret,
        grantedAppRoles: [],
        grantedScopes: ['ServiceActivity-Exchange.Read.All', 'ServiceActivity-Teams.Read.All'],
        identifierUris: [APP_ID_URI],
      },
    },
  });
  const h = await startHarness(
    {
      BOT_ID,
      BOT_PASSWORD: 'bot-password-not-real',
      BOT_DOMAIN: DOMAIN,
      ALLOWED_TENANTS: TENANT,
      AAD_APP_CLIENT_ID: CLIENT_ID,
      AAD_APP_CLIENT_SECRET: secret,
      AAD_APP_TENANT_ID: TENANT,
      TOKEN_CACHE_KEY: Buffer.alloc(32, 7).toString('base64'),
      GRAPH_BASE_URL: sim.url,
      MSAL_AUTHORITY_METADATA: sim.authorityMetadata(TENANT),
    },
    undefined,
    { monitor: false },
  );
  return {
    sim,
    h,
    ssoToken: (over = {}) =>
      sim.issueUserAssertion({
        tenantId: TENANT,
        oid: ADELE.aadObjectId,
        name: ADELE.name,
        upn: 'adele@contoso.example',
        audience: CLIENT_ID,
        ...over,
      }),
    stop: async () => {
      await h.stop();
      await sim.close();
    },
  };
}
