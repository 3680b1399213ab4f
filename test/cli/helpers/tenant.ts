import { createMetricsService, type MetricsService } from '../../../src/graph/metrics-service';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../../src/simulator';

export const TENANT = '5e1ec7ed-0000-4000-8000-00000000c11a';

/** A simulated tenant on loopback (real clock, as the child CLI has), with a long request log. */
export function startTenant(): Promise<Simulator> {
  return startSimulator({ requestLogSize: 5000 });
}

/** A Graph token minted by the simulator for the demo app with the given application permissions. */
export function appToken(
  sim: Simulator,
  roles: readonly string[] = ALL_PERMISSIONS,
  tenantId = TENANT,
): string {
  return sim.issueGraphToken({ tenantId, appId: DEMO_CLIENT_ID, roles });
}

/** Environment for the CLI: the simulator as Graph and a full-permission token in GRAPH_TOKEN. */
export function tokenEnv(sim: Simulator): Record<string, string> {
  return { GRAPH_BASE_URL: sim.url, GRAPH_TOKEN: appToken(sim) };
}

/** The same service the CLI runs, in this process, to check the CLI's numbers against. */
export function referenceService(sim: Simulator): MetricsService {
  const token = appToken(sim);
  return createMetricsService({ tokenProvider: async () => token, baseUrl: sim.url });
}

/** Graph HTTP requests the simulator has seen (a `$batch` counts once, its items not at all). */
export function graphHttpRequests(sim: Simulator): number {
  return sim.requestLog.filter((e) => e.kind === 'graph' || e.kind === 'batch').length;
}
