import type { ScenarioStart } from './scenarios';
import type { SimulatorOptions } from './types';

/** Usage text of the simulator entry point (reused by the m365-pulse CLI's `simulate` command). */
export const SIMULATOR_USAGE = `Usage: simulate [--port N] [--host H] [--seed N] [--latency MS] [--no-auth]
                [--scenario NAME[@+MIN|@ISO][:DURATION]]...
  --scenario mail-delivery-drop          start now
  --scenario mail-delivery-drop@-30      started 30 minutes ago (visible in history)
  --scenario connectivity-dip@+10:20     starts in 10 minutes, lasts 20 minutes
  --scenario teams-outage@2026-01-05T09:00:00Z`;

/** Parses one `--scenario` value: `name`, `name@±minutes`, `name@ISO`, each optionally `:durationMinutes`. */
export function parseScenarioArg(value: string): ScenarioStart {
  const duration = /:(\d+)$/.exec(value);
  const body = duration ? value.slice(0, duration.index) : value;
  const [name, when, ...extra] = body.split('@');
  if (!/^[a-z0-9-]+$/.test(name) || extra.length || when === '') {
    throw new Error(`Invalid --scenario '${value}'.\n${SIMULATOR_USAGE}`);
  }
  const start: ScenarioStart = { name };
  if (when !== undefined && /^[+-]?\d+$/.test(when)) start.startsInMinutes = Number(when);
  else if (when !== undefined) start.at = when;
  if (duration) start.durationMinutes = Number(duration[1]);
  return start;
}

function numberArg(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n))
    throw new Error(`${flag} needs a number, got '${value ?? ''}'.`);
  return n;
}

/** Parses simulator flags into options; throws with the usage on anything unknown. */
export function parseSimulatorArgs(argv: readonly string[]): SimulatorOptions {
  const opts: SimulatorOptions = { port: 4300 };
  const scenarios: ScenarioStart[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const [name, inline] = flag.includes('=')
      ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
      : [flag, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--port') opts.port = numberArg(name, value());
    else if (name === '--host') opts.host = value();
    else if (name === '--seed') opts.seed = numberArg(name, value());
    else if (name === '--latency') opts.latencyMs = numberArg(name, value());
    else if (name === '--no-auth') opts.requireAuth = false;
    else if (name === '--scenario') scenarios.push(parseScenarioArg(value() ?? ''));
    else throw new Error(`Unknown option '${flag}'.\n${SIMULATOR_USAGE}`);
  }
  if (scenarios.length) opts.scenarios = scenarios;
  return opts;
}
