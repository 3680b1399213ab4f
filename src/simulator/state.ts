import type { RequestLog } from './request-log';
import type { SimulatorCounters } from './counters';
import type { FaultState } from './faults';
import type { SlidingWindowLimiter } from './throttle';
import type { ActiveScenario } from './scenarios';
import type { SigningKey } from './entra/keys';
import type { ClientRegistration, TenantConfig } from './types';
import type { SimIssue } from './service-health/issue-script';

/** Everything a request handler may read or change; built once per simulator. */
export interface SimState {
  seed: number;
  key: SigningKey;
  clients: Record<string, ClientRegistration>;
  tenants: Record<string, TenantConfig>;
  defaultTenant: TenantConfig;
  defaultTenantId: string;
  requireAuth: boolean;
  lagMinutes: number;
  /** Lifetime of issued access tokens in seconds; undefined = Entra's usual 3,599. */
  tokenLifetimeSeconds?: number;
  latencyMs: number;
  now: () => Date;
  faults: FaultState;
  scenarios: ActiveScenario[];
  nextScenarioId: number;
  limiter: SlidingWindowLimiter;
  log: RequestLog;
  counters: SimulatorCounters;
  /** Microsoft's service communications for every tenant: history from `anchorMs`, plus scenario issues. */
  serviceHealth: {
    anchorMs: number;
    issues: SimIssue[];
    /** 240 requests per minute and 800 per hour per app and tenant, as documented. */
    limiters: SlidingWindowLimiter[];
  };
  /** Set once the server listens. */
  baseUrl: string;
}

/** The configuration of a tenant id (listed or default). */
export function tenantOf(state: SimState, tenantId: string): TenantConfig {
  return state.tenants[tenantId] ?? state.defaultTenant;
}
