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
 * `--` ends flags. Unknown, repeated or value-less flags are UsageErrors naming the flag.
 */
export function splitArgs(argv: readonly string[], spec: FlagSpec, command?: string): SplitArgs {
  const out: SplitArgs = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      out.positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word === '-h' ? 'help' : word.slice(word.startsWith('--') ? 2 : 1, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) {
      const hint = closest(name, Object.keys(spec));
      throw new UsageError(`Unknown option '${word}'${hint ? `; did you mean --${hint}?` : '.'}`, command);
    }
    if (out.flags.has(name)) throw new UsageError(`--${name} was given more than once.`, command);
    if (kind === 'switch') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`, command);
      out.flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? word.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && /^--?[a-z]/i.test(value))) {
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
