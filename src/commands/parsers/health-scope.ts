import { fail, ok, type ParseResult } from '../command-types';
import { matchService } from '../../domain/service-match';
import { argumentTokens } from '../text-tokens';

const FILLERS = new Set(['for', 'of', 'in', 'on', 'the', 'all', 'services', 'service', 'every', 'open']);
const NAME = /^[\p{L}\p{N} .&'-]{2,40}$/u;

/**
 * `incidents|messages [service]`: nothing means every service; a Pulse service group (any alias) becomes that
 * group; any other short name is kept as typed, because Microsoft reports services Pulse has no telemetry for.
 */
export function parseHealthScope(name: 'incidents' | 'messages', rest: string): ParseResult {
  const words = argumentTokens(rest);
  while (FILLERS.has(words[0])) words.shift();
  while (FILLERS.has(words[words.length - 1])) words.pop();
  if (!words.length) return ok({ name });
  const phrase = words.join(' ');
  const match = matchService(phrase);
  if (match.ok) return ok({ name, scope: { group: match.service.id, label: match.service.name } });
  if (!NAME.test(phrase)) {
    return fail(
      'unknown-service',
      `\`${phrase.slice(0, 40)}\` is not a service name. Example: \`${name} exchange\`.`,
      {
        example: `${name} exchange`,
      },
    );
  }
  return ok({ name, scope: { label: phrase } });
}

const ISSUE_ID = /^[a-z]{2,4}\d{3,9}$/i;

/** `incident <id>`: one id as Microsoft writes it (`EX123456`, `TM654321`); nothing else. */
export function parseIncidentId(rest: string): ParseResult {
  const words = argumentTokens(rest).map((w) => w.replace(/^#/, ''));
  if (words.length === 0) {
    return fail(
      'invalid',
      'Which incident? Send its id, as in `incident EX123456`, or `incidents` to list them.',
      {
        suggestion: 'incidents',
        example: 'incident EX123456',
      },
    );
  }
  if (words.length > 1 || !ISSUE_ID.test(words[0])) {
    return fail(
      'invalid',
      `\`${words.join(' ').slice(0, 40)}\` is not an incident id. Ids are two letters and digits, as in \`incident EX123456\`; \`incidents\` lists them.`,
      { suggestion: 'incidents', example: 'incident EX123456' },
    );
  }
  return ok({ name: 'incident', id: words[0].toUpperCase() });
}
