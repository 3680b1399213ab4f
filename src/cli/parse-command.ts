import { closest } from '../commands/suggest';
import { parseSimulatorArgs } from '../simulator/cli-args';
import { flagValue, splitArgs, type FlagSpec, type SplitArgs } from './args';
import type { ConnectionFlags } from './connection';
import type { OutputFormat } from './output/view';
import type { CliRequest } from './request';
import { resolveMetric, resolveService } from './resolve';
import { parseDuration, parseInstant, parseInterval, type WindowSpec } from './time-window';
import { COMMAND_USAGE, MAIN_USAGE } from './usage';
import { UsageError } from './usage-error';

const OUTPUT: FlagSpec = { json: 'switch', csv: 'switch', help: 'switch' };
const CONNECTION: FlagSpec = { token: 'value', tenant: 'value', graph: 'value' };
const FLAGS: Readonly<Record<string, FlagSpec>> = {
  metrics: { ...OUTPUT, service: 'value' },
  query: { ...OUTPUT, ...CONNECTION, last: 'value', from: 'value', to: 'value', interval: 'value' },
  status: { ...OUTPUT, ...CONNECTION, service: 'value', interval: 'value' },
};
const COMMANDS = ['metrics', 'query', 'status', 'simulate', 'help'];

function format(args: SplitArgs, command: string): OutputFormat {
  const json = args.flags.has('json');
  const csv = args.flags.has('csv');
  if (json && csv) throw new UsageError('Choose one of --json and --csv.', command);
  return json ? 'json' : csv ? 'csv' : 'table';
}

function connection(args: SplitArgs): ConnectionFlags {
  return {
    token: flagValue(args, 'token'),
    tenant: flagValue(args, 'tenant'),
    graph: flagValue(args, 'graph'),
  };
}

function noPositionals(args: SplitArgs, command: string): void {
  if (args.positionals.length) throw new UsageError(`Unexpected argument '${args.positionals[0]}'.`, command);
}

function windowSpec(args: SplitArgs): WindowSpec {
  const intervalMinutes = parseInterval(flagValue(args, 'interval'), 'query');
  const last = flagValue(args, 'last');
  const from = flagValue(args, 'from');
  const to = flagValue(args, 'to');
  if (last && (from || to)) throw new UsageError('Use either --last or --from/--to, not both.', 'query');
  if (to && !from) throw new UsageError('--to needs --from.', 'query');
  if (from) {
    return {
      kind: 'range',
      from: parseInstant('from', from, 'query'),
      to: to === undefined ? undefined : parseInstant('to', to, 'query'),
      intervalMinutes,
    };
  }
  return { kind: 'last', durationMs: parseDuration(last ?? '6h', 'query'), intervalMinutes };
}

/** Parses `m365-pulse` arguments (without `node` and the script) into a request; UsageError when wrong. */
export function parseCommand(argv: readonly string[]): CliRequest {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !COMMAND_USAGE[topic]) throw new UsageError(`There is no command '${topic}'.`);
    return { command: 'help', text: topic ? COMMAND_USAGE[topic] : MAIN_USAGE };
  }
  if (command === 'simulate') {
    if (rest.includes('--help') || rest.includes('-h'))
      return { command: 'help', text: COMMAND_USAGE.simulate };
    try {
      parseSimulatorArgs(rest);
    } catch (e) {
      throw new UsageError(String((e as Error).message).split('\n')[0], 'simulate');
    }
    return { command: 'simulate', argv: [...rest] };
  }
  const spec = FLAGS[command];
  if (!spec) {
    const hint = closest(command, COMMANDS);
    throw new UsageError(`Unknown command '${command}'${hint ? `; did you mean ${hint}?` : '.'}`);
  }
  const args = splitArgs(rest, spec, command);
  if (args.flags.has('help')) return { command: 'help', text: COMMAND_USAGE[command] };
  const service = flagValue(args, 'service');
  if (command === 'metrics') {
    noPositionals(args, command);
    return {
      command,
      service: service ? resolveService(service, command) : undefined,
      format: format(args, command),
    };
  }
  if (command === 'status') {
    noPositionals(args, command);
    return {
      command,
      service: service ? resolveService(service, command) : undefined,
      intervalMinutes: parseInterval(flagValue(args, 'interval'), command),
      format: format(args, command),
      connection: connection(args),
    };
  }
  if (!args.positionals.length)
    throw new UsageError('Name the metric to query, e.g. mail-delivery.', command);
  return {
    command: 'query',
    metric: resolveMetric(args.positionals.join(' '), command),
    window: windowSpec(args),
    format: format(args, command),
    connection: connection(args),
  };
}
