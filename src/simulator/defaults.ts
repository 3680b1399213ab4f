import type { ClientRegistration, TenantConfig } from './types';

/** Every permission the serviceActivity functions and the service communications API need. */
export const ALL_PERMISSIONS = [
  'ServiceActivity-Exchange.Read.All',
  'ServiceActivity-Teams.Read.All',
  'ServiceActivity-OneDrive.Read.All',
  'ServiceActivity-Microsoft365Web.Read.All',
  'Reports.Read.All',
  'ServiceHealth.Read.All',
  'ServiceMessage.Read.All',
] as const;

/** The demo app registration the simulator knows when `clients` is not given. Not a secret: simulator only. */
export const DEMO_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const DEMO_CLIENT_SECRET = 'simulator-demo-secret';

/** Default registered clients: the demo app with every permission granted, app-only and delegated. */
export const DEFAULT_CLIENTS: Record<string, ClientRegistration> = {
  [DEMO_CLIENT_ID]: {
    secret: DEMO_CLIENT_SECRET,
    grantedAppRoles: ALL_PERMISSIONS,
    grantedScopes: ALL_PERMISSIONS,
  },
};

/** The demo tenant id used when auth is off and by the demo launcher. */
export const DEMO_TENANT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';

/** Size of tenants that are not configured: comfortably above the 5,000-licence eligibility bar. */
export const DEFAULT_TENANT: TenantConfig = { seats: 10_000, eligible: true, utcOffsetMinutes: 0 };
