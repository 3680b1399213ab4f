import { closest } from './suggest';
import { COMMANDS, COMMAND_WORDS } from './grammar';
import { stripMentions } from './mention';

export type Command = { name: 'help'; topic?: string } | { name: 'whoami' } | { name: 'signin' } | { name: 'signout' };

/** Why the input is not a command, with what to do instead. */
export interface ParseError {
  kind: 'empty' | 'unknown-command' | 'invalid';
  message: string;
  /** A corrected command the user can click. */
  suggestion?: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

/** Turns chat text into a command. Never throws: anything it cannot read becomes a helpful ParseError. */
export function parseCommand(raw: string): ParseResult {
  const text = normalise(raw);
  if (!text) return { ok: false, error: { kind: 'empty', message: 'Send `help` to see what I can do.' } };
  const [word, ...rest] = splitCommandWord(text);
  const name = COMMAND_WORDS.get(word);
  switch (name) {
    case 'help':
      return parseHelp(rest);
    case 'whoami':
    case 'signin':
    case 'signout':
      return rest.length ? extraWords(name, rest) : { ok: true, command: { name } };
    default:
      return unknown(word, rest);
  }
}

function normalise(raw: string): string {
  return stripMentions(String(raw ?? ''))
    .toLowerCase()
    .replace(/^\/+/, '')
    .trim();
}

/** Splits off the command word; two-word aliases such as "sign in" or "who am i" count as one word. */
function splitCommandWord(text: string): string[] {
  const words = text.split(' ');
  for (const n of [3, 2]) {
    const phrase = words.slice(0, n).join(' ');
    if (words.length >= n && COMMAND_WORDS.has(phrase)) return [phrase, ...words.slice(n)];
  }
  return words;
}

function extraWords(name: string, rest: string[]): ParseResult {
  return {
    ok: false,
    error: {
      kind: 'invalid',
      message: `\`${name}\` takes nothing after it (I got \`${rest.join(' ').slice(0, 40)}\`). Send \`${name}\`.`,
      suggestion: name,
    },
  };
}

function parseHelp(rest: string[]): ParseResult {
  const topic = rest.join(' ').replace(/^\/+/, '');
  if (!topic) return { ok: true, command: { name: 'help' } };
  const known = COMMAND_WORDS.get(topic);
  if (known) return { ok: true, command: { name: 'help', topic: known } };
  const guess = closest(
    topic,
    COMMANDS.map((c) => c.name),
  );
  return {
    ok: false,
    error: {
      kind: 'invalid',
      message: `There is no command \`${topic}\`.${guess ? ` Did you mean \`help ${guess}\`?` : ''} Send \`help\` for the list.`,
      suggestion: guess ? `help ${guess}` : undefined,
    },
  };
}

function unknown(word: string, rest: string[]): ParseResult {
  const guess = closest(
    word,
    [...COMMAND_WORDS.keys()].filter((w) => w.length > 1),
  );
  const command = guess ? COMMAND_WORDS.get(guess) : undefined;
  const suggestion = command ? [command, ...rest].join(' ') : undefined;
  const shown = word.length > 40 ? `${word.slice(0, 37)}...` : word;
  return {
    ok: false,
    error: {
      kind: 'unknown-command',
      message: suggestion
        ? `I don't know \`${shown}\`. Did you mean \`${suggestion}\`? Send \`help\` for everything I can do.`
        : `I don't know \`${shown}\`. Send \`help\` for everything I can do.`,
      suggestion,
    },
  };
}
