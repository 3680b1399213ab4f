import { formatClockTime } from '../../domain/time';
import { parseQuietHours } from '../../monitor/quiet-hours';
import { fail, ok, type ParseContext, type ParseResult } from '../command-types';
import { argumentTokens } from '../text-tokens';
import { readClock, readTimeZone } from './clock-zone';

/** Words that turn a setting off: `quiet off`, `digest none`. */
export const OFF_WORDS = new Set([
  'off',
  'none',
  'stop',
  'disable',
  'disabled',
  'clear',
  'remove',
  'no',
  'cancel',
  'end',
]);
const LEAD = new Set(['hours', 'from', 'between', 'daily', 'every', 'night', 'nightly', 'at']);
const SEPARATORS = new Set(['to', 'until', 'till', 'til', 'and', 'through', '-']);
const EXAMPLE = 'quiet 22:00-07:00';

/** `quiet <from>-<to> [time zone]` (the user's zone by default) or `quiet off`. */
export function parseQuiet(rest: string, ctx: ParseContext): ParseResult {
  const tokens = argumentTokens(rest);
  if (tokens.length === 1 && OFF_WORDS.has(tokens[0])) return ok({ name: 'quiet', quiet: null });
  let i = 0;
  while (LEAD.has(tokens[i])) i++;
  if (i >= tokens.length) {
    return fail(
      'invalid',
      `\`quiet\` needs a daily window, as in \`${EXAMPLE}\` (in your time zone, ${ctx.timeZone}) or ` +
        '`quiet 22:00-07:00 Europe/Berlin`; `quiet off` ends quiet hours.',
      { suggestion: EXAMPLE, example: EXAMPLE },
    );
  }
  const start = readClock(tokens, i);
  if (!start) return badTime(tokens[i]);
  if (!SEPARATORS.has(tokens[start.next])) {
    return fail('bad-time', `Quiet hours need a start and an end, as in \`${EXAMPLE}\`.`, {
      suggestion: `quiet ${formatClockTime(start.time)}-07:00`,
      example: EXAMPLE,
    });
  }
  const end = readClock(tokens, start.next + 1);
  if (!end) return badTime(tokens[start.next + 1] ?? '');
  const window = `${formatClockTime(start.time)}-${formatClockTime(end.time)}`;
  const zone = readTimeZone(tokens.slice(end.next), ctx.timeZone);
  if ('unknown' in zone) return unknownZone(zone.unknown, `quiet ${window}`);
  const checked = parseQuietHours(window, zone.zone);
  if (!checked.ok)
    return fail('bad-time', `${checked.error} Example: \`${EXAMPLE}\`.`, { suggestion: EXAMPLE });
  return ok({
    name: 'quiet',
    quiet: { from: formatClockTime(start.time), to: formatClockTime(end.time), timeZone: zone.zone },
  });
}

/** A time that is not a time of day. */
export function badTime(word: string, example = EXAMPLE): ParseResult {
  const shown = word ? `\`${word.slice(0, 20)}\` is not a time of day` : 'A time of day is missing';
  return fail('bad-time', `${shown}: use 24-hour \`22:00\` or \`10pm\`. Example: \`${example}\`.`, {
    suggestion: example,
    example,
  });
}

/** A time zone Intl does not know. */
export function unknownZone(words: string, command: string): ParseResult {
  const example = `${command} Europe/Berlin`;
  return fail(
    'bad-time',
    `I don't know the time zone \`${words.slice(0, 40)}\`: use an IANA name such as \`Europe/Berlin\` or ` +
      `\`America/New_York\`, or leave it out for yours. Example: \`${example}\`.`,
    { suggestion: command, example },
  );
}
