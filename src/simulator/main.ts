import { parseSimulatorArgs, SIMULATOR_USAGE } from './cli-args';
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from './defaults';
import { startSimulator } from './index';
import type { Simulator } from './types';

/** Starts a simulator from command-line flags, prints where it listens, and stops it on SIGINT/SIGTERM. */
export async function runSimulator(
  argv: readonly string[],
  out: (line: string) => void = console.log,
): Promise<Simulator> {
  const sim = await startSimulator(parseSimulatorArgs(argv));
  out(`M365 Pulse simulated tenant listening on ${sim.url}`);
  out(`  Graph:   ${sim.url}/beta/reports/serviceActivity/{function}(...)`);
  out(`  Entra:   ${sim.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token (demo client ${DEMO_CLIENT_ID})`);
  out(`  Control: ${sim.url}/_sim/state`);
  for (const s of sim.scenarios.list()) out(`  Scenario ${s.name}: ${s.startsAt} → ${s.endsAt}`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return sim;
}

if (require.main === module) {
  if (process.argv.includes('--help')) {
    console.log(SIMULATOR_USAGE);
  } else {
    runSimulator(process.argv.slice(2)).catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(2);
    });
  }
}
