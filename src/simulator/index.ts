import type { AddressInfo } from 'node:net';
import { clearScenarios, issueGraphToken, issueUserAssertion, startScenario, stopScenario } from './actions';
import { historyIssues } from './service-health/history';
import { emptyCounters } from './counters';
import { DEFAULT_CLIENTS, DEFAULT_TENANT, DEMO_TENANT_ID } from './defaults';
import { authorityMetadataFor } from './entra/discovery';
import { sharedSigningKey } from './entra/keys';
import { FaultState } from './faults';
import { RequestLog } from './request-log';
import { createSimulatorServer } from './server';
import type { SimState } from './state';
import { SlidingWindowLimiter } from './throttle';
import type { Simulator, SimulatorOptions } from './types';

export type * from './types';
export type { FaultSettings } from './faults';
export type { ActiveScenario, ScenarioStart } from './scenarios';
export type { RequestLogEntry } from './request-log';
export type { SimulatorCounters } from './counters';
export { SCENARIOS, type ScenarioDef } from './scenario-catalog';
export { authorityMetadataFor } from './entra/discovery';
export {
  ALL_PERMISSIONS,
  DEFAULT_CLIENTS,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_TENANT_ID,
} from './defaults';
export { generateSeries, type SeriesPoint } from './series/generator';

/**
 * Starts a simulated tenant (Graph serviceActivity, service communications and Entra token endpoints) on loopback;
 * close() when done.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const now = opts.now ?? (() => new Date());
  const seed = opts.seed ?? 1;
  const state: SimState = {
    seed,
    key: sharedSigningKey(),
    clients: opts.clients ?? DEFAULT_CLIENTS,
    tenants: opts.tenants ?? {},
    defaultTenant: opts.defaultTenant ?? DEFAULT_TENANT,
    defaultTenantId: opts.defaultTenantId ?? DEMO_TENANT_ID,
    requireAuth: opts.requireAuth ?? true,
    lagMinutes: opts.ingestionLagMinutes ?? 10,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds,
    latencyMs: opts.latencyMs ?? 0,
    now,
    faults: new FaultState(seed),
    scenarios: [],
    nextScenarioId: 1,
    limiter: new SlidingWindowLimiter(),
    log: new RequestLog(opts.requestLogSize ?? 500),
    counters: emptyCounters(),
    serviceHealth: {
      anchorMs: now().getTime(),
      issues: historyIssues(now().getTime()),
      limiters: [new SlidingWindowLimiter(240, 60_000), new SlidingWindowLimiter(800, 3_600_000)],
    },
    baseUrl: '',
  };
  for (const s of opts.scenarios ?? []) startScenario(state, s);
  const server = createSimulatorServer(state);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: state.baseUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    faults: {
      set: (s) => state.faults.set(s),
      clear: () => state.faults.clear(),
      get: () => state.faults.get(),
    },
    scenarios: {
      start: (s) => startScenario(state, s),
      stop: (id) => stopScenario(state, id),
      clear: () => clearScenarios(state),
      list: () => [...state.scenarios],
    },
    issueUserAssertion: (u) => issueUserAssertion(state, u),
    issueGraphToken: (r) => issueGraphToken(state, r),
    authorityMetadata: (tenantId) => authorityMetadataFor(state.baseUrl, tenantId),
    get requestLog() {
      return state.log.entries();
    },
    get counters() {
      return structuredClone(state.counters);
    },
    now,
  };
}
