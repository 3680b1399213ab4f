import type { FaultSettings } from './faults';
import type { ActiveScenario, ScenarioStart } from './scenarios';
import type { RequestLogEntry } from './request-log';
import type { SimulatorCounters } from './counters';

/** A simulated tenant: licence count (scales every count metric), eligibility and local time zone. */
export interface TenantConfig {
  seats: number;
  /** false = below the Microsoft 365 monitoring eligibility bar: every serviceActivity call gets 403. */
  eligible?: boolean;
  /** Offset of the tenant's working day from UTC, in minutes (e.g. 60 for CET). Default 0. */
  utcOffsetMinutes?: number;
}

/** A confidential client registered with the Entra emulator and what an admin consented to for it. */
export interface ClientRegistration {
  secret: string;
  /** Application permissions put in `roles` of client-credentials tokens. */
  grantedAppRoles: readonly string[];
  /** Delegated permissions; an on-behalf-of token's `scp` is these intersected with the requested scopes. */
  grantedScopes: readonly string[];
  /** App ID URIs (e.g. `api://pulse.example.com/botid-<bot id>`): assertions for them may be redeemed on-behalf-of. */
  identifierUris?: readonly string[];
}

/** How to start a simulator; every field is optional except what a test wants to pin down. */
export interface SimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of the deterministic data; default 1. */
  seed?: number;
  /** Injectable clock used for data, validation, token expiry and throttling windows. */
  now?: () => Date;
  /** Latency added to every Graph and token response, in ms. Default 0. */
  latencyMs?: number;
  /** Known tenants by id; others get `defaultTenant`. */
  tenants?: Record<string, TenantConfig>;
  /** Size of tenants not listed in `tenants`. Default 10,000 seats, eligible, UTC. */
  defaultTenant?: TenantConfig;
  /** Tenant used when auth is off and no token is sent. */
  defaultTenantId?: string;
  /** Default true: Graph routes need a valid emulator-signed bearer token. */
  requireAuth?: boolean;
  /** Registered confidential clients; default `DEFAULT_CLIENTS` (one demo client with every permission). */
  clients?: Record<string, ClientRegistration>;
  /** Minutes after which a minute's counts are fully ingested (the "late bucket" effect). Default 10; 0 = off. */
  ingestionLagMinutes?: number;
  /**
   * Lifetime of the access tokens the Entra emulator issues, in seconds; default 3,599 as Entra. Tests that move the
   * simulated clock by hours raise it: the bot's msal cache judges expiry on the real clock, the emulator on its own.
   */
  tokenLifetimeSeconds?: number;
  /** Requests kept in `requestLog`. Default 500. */
  requestLogSize?: number;
  /** Scenarios to start immediately. */
  scenarios?: readonly ScenarioStart[];
}

/** Fault injection handle: replace or clear the current settings. */
export interface FaultControl {
  set(settings: FaultSettings): void;
  clear(): void;
  get(): FaultSettings;
}

/** Incident scenario handle. */
export interface ScenarioControl {
  start(start: ScenarioStart): ActiveScenario;
  stop(id: string): boolean;
  clear(): void;
  list(): readonly ActiveScenario[];
}

/** Identity for a simulated signed-in admin (the demo identity; stands in for a Teams SSO token). */
export interface UserAssertionRequest {
  tenantId: string;
  oid: string;
  name: string;
  upn: string;
  /** `aud` of the assertion; when set, only the client with this id (or `api://…/<id>`) may redeem it. */
  audience?: string;
  /** Directory role template ids (`wids`), informational. */
  wids?: readonly string[];
  expiresInSeconds?: number;
}

/** A Graph token minted directly, for tests that do not want to go through the token endpoint. */
export interface GraphTokenRequest {
  tenantId: string;
  appId: string;
  /** Delegated permissions (`scp`); with a user `oid`. */
  scp?: readonly string[];
  /** Application permissions (`roles`). */
  roles?: readonly string[];
  oid?: string;
  expiresInSeconds?: number;
}

/** A running simulated tenant. */
export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`; Graph lives under `${url}/beta`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  readonly faults: FaultControl;
  readonly scenarios: ScenarioControl;
  issueUserAssertion(user: UserAssertionRequest): string;
  issueGraphToken(request: GraphTokenRequest): string;
  /** `authorityMetadata` JSON for msal-node pointing at this simulator's token endpoint. */
  authorityMetadata(tenantId: string): string;
  /** Recent requests, oldest first (claims only, never tokens). */
  readonly requestLog: readonly RequestLogEntry[];
  readonly counters: SimulatorCounters;
  now(): Date;
}
