import type { ClientRegistration } from '../types';
import type { SigningKey } from './keys';

/** What the token endpoint needs: the signing key, the registered clients and the clock. */
export interface TokenContext {
  key: SigningKey;
  clients: Record<string, ClientRegistration>;
  now: Date;
  /** Lifetime of the access tokens it issues, in seconds (Entra's usual 3,599 unless the simulator was told). */
  tokenLifetimeSeconds?: number;
  /** Tenant segment of the token URL (`contoso.onmicrosoft.com`, a GUID, `common` or `organizations`). */
  tenant: string;
}

/** An authenticated client: its id and registration. */
export interface AuthenticatedClient {
  clientId: string;
  client: ClientRegistration;
}

/** True for the multi-tenant authority segments that carry no tenant id of their own. */
export function isMultiTenantSegment(tenant: string): boolean {
  return ['common', 'organizations', 'consumers'].includes(tenant.toLowerCase());
}
