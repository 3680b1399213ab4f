import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../commands/suggest';
import { UsageError } from './usage-error';

/** How each flag of a command is read: `value` takes the next word (or `=value`), `switch` takes none. */
export type FlagSpec = Readonly<Record<string, 'value' | 'switch'>>;

export interface SplitArgs {
  positionals: string[];
  /** Flag name without dashes → its value (`true` for switches). */
  flags: Map<string, string | true>;
}

/**
 * Splits argv into positionals and the flags `spec` allows: `--name value`, `--name=value`, `-h` for `--help`,
 * `--` ends flags. Unknown, repeated or value-less flags are UsageErrors naming the flag, the first in argv order.
 * node:util parseArgs tokenises (non-strict, so the wording of every refusal stays ours).
 */
export function splitArgs(argv: readonly string[], spec: FlagSpec, command?: string): SplitArgs {
  const out: SplitArgs = { positionals: [], flags: new Map() };
  const { tokens } = parseArgs({
    args: [...argv],
    options: parseArgsOptions(spec),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') out.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const word = argv[token.index];
    // Only `-h` is a short option; any other single-dash word (`-x`, `-abc`) is refused whole.
    const name = word.startsWith('--') ? token.name : word === '-h' ? 'help' : word.slice(1).split('=')[0];
    const kind =
      Object.hasOwn(spec, name) && (word.startsWith('--') || word === '-h') ? spec[name] : undefined;
    if (!kind) {
      const hint = closest(name, Object.keys(spec));
      throw new UsageError(`Unknown option '${word}'${hint ? `; did you mean --${hint}?` : '.'}`, command);
    }
    if (out.flags.has(name)) throw new UsageError(`--${name} was given more than once.`, command);
    if (kind === 'switch') {
      if (token.inlineValue) throw new UsageError(`--${name} takes no value.`, command);
      out.flags.set(name, true);
      continue;
    }
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && /^--?[a-z]/i.test(value))) {
      throw new UsageError(`--${name} needs a value.`, command);
    }
    out.flags.set(name, value);
  }
  return out;
}

/** The string value of a flag, or undefined when absent. */
export function flagValue(args: SplitArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function parseArgsOptions(spec: FlagSpec): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(spec).map(([name, kind]) => [
      name,
      kind === 'value'
        ? { type: 'string' as const }
        : { type: 'boolean' as const, ...(name === 'help' ? { short: 'h' } : {}) },
    ]),
  );
}
