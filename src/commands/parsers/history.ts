import { durationLabel } from '../../monitor/format';
import { fail, ok, type ParseResult } from '../command-types';
import { readDuration } from '../read-duration';
import { argumentTokens } from '../text-tokens';

const FILLERS = new Set(['last', 'past', 'for', 'the', 'of', 'over', 'in']);
/** Oldest history shown: incidents and audit lines are kept at least this long. */
export const MAX_HISTORY_DAYS = 30;
const DEFAULT_MINUTES = 7 * 1440;

/** `history [<duration>]`: incidents and audit lines of the last 7 days unless another span is given (1 hour–30 days). */
export function parseHistory(rest: string): ParseResult {
  const tokens = argumentTokens(rest).filter((t) => !FILLERS.has(t));
  if (!tokens.length)
    return ok({ name: 'history', minutes: DEFAULT_MINUTES, label: durationLabel(DEFAULT_MINUTES) });
  const read = readDuration(tokens, 0, true);
  if (!read || read.next !== tokens.length) {
    return fail(
      'bad-duration',
      `\`history\` takes how far back, as in \`history 7d\` or \`history 24h\`, not \`${tokens.join(' ').slice(0, 40)}\`.`,
      { suggestion: 'history 7d', example: 'history 24h' },
    );
  }
  const minutes = read.duration.minutes;
  if (minutes < 60 || minutes > MAX_HISTORY_DAYS * 1440) {
    return fail(
      'bad-duration',
      `\`history\` goes back 1 hour to ${MAX_HISTORY_DAYS} days, not ${durationLabel(minutes)}. Example: \`history 30d\`.`,
      { suggestion: minutes < 60 ? 'history 24h' : 'history 30d', example: 'history 7d' },
    );
  }
  return ok({ name: 'history', minutes, label: read.duration.label });
}
