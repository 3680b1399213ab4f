import { fail, ok, type ParseResult } from '../command-types';
import { COMMANDS, COMMAND_WORDS, UPCOMING_COMMANDS } from '../grammar';
import { closest } from '../suggest';
import { notYet } from './not-yet';

/** `help [command]`: a topic may be any command word or alias; upcoming commands answer "coming soon". */
export function parseHelp(rest: string): ParseResult {
  const topic = rest.replace(/^\/+/, '').replace(/[?!.]+$/, '');
  if (!topic) return ok({ name: 'help' });
  const known = COMMAND_WORDS.get(topic);
  if (known) return ok({ name: 'help', topic: known });
  if (UPCOMING_COMMANDS.has(topic)) return notYet(topic);
  const guess = closest(
    topic,
    COMMANDS.map((c) => c.name),
  );
  return fail(
    'invalid',
    `There is no command \`${topic}\`.${guess ? ` Did you mean \`help ${guess}\`?` : ''} Send \`help\` for the list.`,
    { suggestion: guess ? `help ${guess}` : undefined },
  );
}
