import { fail, type CommandName, type ParseContext, type ParseResult } from './command-types';
import { COMMAND_WORDS, UPCOMING_COMMANDS } from './grammar';
import { exactMetric } from './metric-match';
import { parseBare } from './parsers/bare';
import { parseDigest } from './parsers/digest';
import { parseHealthScope, parseIncidentId } from './parsers/health-scope';
import { parseHelp } from './parsers/help';
import { parseHistory } from './parsers/history';
import { parseNoArgs } from './parsers/no-args';
import { notYet } from './parsers/not-yet';
import { parseQuiet } from './parsers/quiet';
import { parseServiceScope } from './parsers/service-scope';
import { parseShow } from './parsers/show';
import { parseSubscribe } from './parsers/subscribe';
import { parseUnwatch } from './parsers/unwatch';
import { parseWatch } from './parsers/watch';
import { exactService, serviceWord } from '../domain/service-match';
import { closestWord } from '../domain/fuzzy';
import { MAX_COMMAND_CHARS, MAX_RAW_CHARS, normaliseText } from './text-tokens';
import { resolveTimeZone } from '../domain/zoned-time';

export type { Command, CommandName, ParseError, ParseErrorKind, ParseResult } from './command-types';

/** Reads the words after one command word; every command has one, so adding a command is one file and one line. */
type CommandParser = (rest: string, ctx: ParseContext) => ParseResult;

const PARSERS: Record<CommandName, CommandParser> = {
  help: (rest) => parseHelp(rest),
  status: (rest) => parseServiceScope('status', rest),
  show: parseShow,
  metrics: (rest) => parseServiceScope('metrics', rest),
  board: (rest) => parseServiceScope('board', rest),
  whoami: (rest) => parseNoArgs('whoami', rest),
  signin: (rest) => parseNoArgs('signin', rest),
  signout: (rest) => parseNoArgs('signout', rest),
  subscribe: (rest) => parseSubscribe('subscribe', rest),
  unsubscribe: (rest) => parseSubscribe('unsubscribe', rest),
  subscriptions: (rest) => parseBare('subscriptions', rest),
  watch: (rest) => parseWatch(rest),
  unwatch: (rest) => parseUnwatch(rest),
  rules: (rest) => parseBare('rules', rest),
  quiet: parseQuiet,
  digest: parseDigest,
  alerts: (rest) => parseBare('alerts', rest),
  history: (rest) => parseHistory(rest),
  incidents: (rest) => parseHealthScope('incidents', rest),
  incident: (rest) => parseIncidentId(rest),
  messages: (rest) => parseHealthScope('messages', rest),
};

/** When and where to read times: defaults are the current time and UTC. */
export interface ParseOptions {
  now?: Date;
  /** IANA time zone of the user (Teams `localTimezone`); unknown names fall back to UTC. */
  timeZone?: string;
}

/** Turns chat text into a command. Never throws: anything it cannot read becomes a helpful ParseError. */
export function parseCommand(raw: string, opts: ParseOptions = {}): ParseResult {
  try {
    return parse(raw, opts);
  } catch {
    // A bug here must not cost the user their turn; the fuzz test asserts this line is never reached.
    return fail('invalid', UNREADABLE, { example: 'show mail delivery last 6h' });
  }
}

/** The answer if parsing itself failed: exported so tests can assert it never happens. */
export const UNREADABLE = 'I could not read that as a command. Send `help` to see what I understand.';

function parse(raw: string, opts: ParseOptions): ParseResult {
  const input = typeof raw === 'string' ? raw : String(raw ?? '');
  if (input.length > MAX_RAW_CHARS) return tooLong(`more than ${MAX_RAW_CHARS}`);
  const text = normaliseText(input);
  if (!text) return fail('empty', 'Send `help` to see what I can do.');
  if (text.length > MAX_COMMAND_CHARS) return tooLong(text.length);
  const now =
    opts.now instanceof Date && Number.isFinite(opts.now.getTime()) ? opts.now.getTime() : Date.now();
  const ctx: ParseContext = { now, timeZone: resolveTimeZone(opts.timeZone) };
  const [word, rest] = splitCommandWord(text);
  const name = COMMAND_WORDS.get(word);
  if (isCommandName(name)) return PARSERS[name](rest, ctx);
  if (UPCOMING_COMMANDS.has(word)) return notYet(word);
  return unknown(word, rest);
}

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.prototype.hasOwnProperty.call(PARSERS, name);
}

/** Splits off the command word; multi-word aliases such as "sign in" or "who am i" count as one word. */
function splitCommandWord(text: string): [string, string] {
  const words = text.split(' ');
  for (const n of [3, 2]) {
    const phrase = words.slice(0, n).join(' ');
    if (words.length >= n && COMMAND_WORDS.has(phrase)) return [phrase, words.slice(n).join(' ')];
  }
  // "status?" and "help!" are the command; "?" alone is help's alias.
  const first = words[0].length > 1 ? words[0].replace(/[?!.,:;]+$/, '') || words[0] : words[0];
  return [first, words.slice(1).join(' ')];
}

function tooLong(chars: number | string): ParseResult {
  return fail(
    'invalid',
    `That is too long for a command (${chars} characters). Commands are short, as in \`show mail delivery last 6h\`.`,
    { example: 'show mail delivery last 6h' },
  );
}

/** An unknown first word: a typo of a command, or a metric or service typed without its command. */
function unknown(word: string, rest: string): ParseResult {
  const shown = word.length > 40 ? `${word.slice(0, 37)}...` : word;
  const guess = closestWord(
    word,
    [...COMMAND_WORDS.keys()].filter((w) => w.length > 1),
  );
  const command = guess ? COMMAND_WORDS.get(guess) : undefined;
  const suggestion = command ? [command, rest].filter(Boolean).join(' ') : commandFor(word, rest);
  return fail(
    'unknown-command',
    suggestion
      ? `I don't know \`${shown}\`. Did you mean \`${suggestion}\`? Send \`help\` for everything I can do.`
      : `I don't know \`${shown}\`. Send \`help\` for everything I can do.`,
    { suggestion },
  );
}

/** `exchange` → `status exchange`; `mail flow last 2h` → `show mail flow last 2h` (exact names only). */
function commandFor(word: string, rest: string): string | undefined {
  const text = [word, rest].filter(Boolean).join(' ');
  const service = exactService(text);
  if (service) return `status ${serviceWord(service)}`;
  const words = text.split(' ');
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    if (exactMetric(words.slice(0, n).join(' '))) return `show ${text}`;
  }
  return undefined;
}
