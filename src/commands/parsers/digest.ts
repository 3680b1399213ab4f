import { formatClockTime } from '../../domain/time';
import { fail, ok, type ParseContext, type ParseResult } from '../command-types';
import { argumentTokens } from '../text-tokens';
import { readClock, readTimeZone } from './clock-zone';
import { badTime, OFF_WORDS, unknownZone } from './quiet';

const LEAD = new Set(['daily', 'every', 'each', 'day', 'a', 'per', 'at', 'once']);
const OTHER_PERIODS = new Set(['weekly', 'monthly', 'hourly', 'week', 'month', 'hour', 'weekdays']);
const EXAMPLE = 'digest daily 09:00';

/** `digest daily <time> [time zone]` (the user's zone by default) or `digest off`. */
export function parseDigest(rest: string, ctx: ParseContext): ParseResult {
  const tokens = argumentTokens(rest);
  if (tokens.length === 1 && OFF_WORDS.has(tokens[0])) return ok({ name: 'digest', digest: null });
  let i = 0;
  while (LEAD.has(tokens[i]) && !readClock(tokens, i)) i++;
  if (OTHER_PERIODS.has(tokens[i])) {
    return fail('invalid', `The digest comes once a day: \`${EXAMPLE}\` (or \`digest off\`).`, {
      suggestion: EXAMPLE,
      example: EXAMPLE,
    });
  }
  if (i >= tokens.length) {
    return fail(
      'invalid',
      `\`digest\` needs a time of day, as in \`${EXAMPLE}\` (in your time zone, ${ctx.timeZone}); ` +
        '`digest off` stops it.',
      { suggestion: EXAMPLE, example: EXAMPLE },
    );
  }
  const at = readClock(tokens, i);
  if (!at) return badTime(tokens[i], EXAMPLE);
  const time = formatClockTime(at.time);
  const zone = readTimeZone(tokens.slice(at.next), ctx.timeZone);
  if ('unknown' in zone) return unknownZone(zone.unknown, `digest daily ${time}`);
  return ok({ name: 'digest', digest: { at: time, timeZone: zone.zone } });
}
