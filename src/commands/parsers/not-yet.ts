import { fail, type ParseResult } from '../command-types';
import { UPCOMING_COMMANDS } from '../grammar';

/** A reserved alerting command: says what it will do and what works today. */
export function notYet(word: string): ParseResult {
  const what = UPCOMING_COMMANDS.get(word);
  return fail(
    'not-yet',
    `\`${word}\` is coming soon${what ? ` (it will ${what})` : ''}. For now, \`status\` shows how every ` +
      'service is doing and `show` charts one metric.',
    { suggestion: 'status', example: 'show mail delivery last 6h vs last week' },
  );
}
