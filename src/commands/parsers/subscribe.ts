import type { MicrosoftIssueKind } from '../../alerts/alert-command';
import { SERVICES, serviceById } from '../../domain/catalog';
import type { SubscriptionScope } from '../../monitor/rule-scope';
import { fail, ok, type ParseResult } from '../command-types';
import { exactMetric, matchMetric } from '../metric-match';
import { exactService, matchService, serviceWord } from '../../domain/service-match';
import { argumentTokens } from '../text-tokens';

/** Words around the scope that change nothing: `subscribe this channel to exchange alerts`. */
const FILLERS = new Set([
  'to',
  'for',
  'from',
  'on',
  'of',
  'in',
  'about',
  'the',
  'this',
  'here',
  'me',
  'us',
  'channel',
  'chat',
  'conversation',
  'alerts',
  'alert',
  'please',
]);
const ALL = new Set([
  'all',
  'everything',
  'all services',
  'every service',
  'all metrics',
  'all of it',
  'any',
]);
/** The last word that turns the command to Microsoft's issues of the scope. */
const ISSUE_WORDS: Record<string, MicrosoftIssueKind> = {
  incidents: 'incidents',
  incident: 'incidents',
  advisories: 'advisories',
  advisory: 'advisories',
};
const SERVICE_LIST = SERVICES.map((s) => `\`${serviceWord(s)}\``).join(', ');

/**
 * `subscribe|unsubscribe [all | <service> | <metric>] [incidents | advisories]`: nothing means all; a last word
 * `incidents` or `advisories` (`microsoft` before it allowed) is about Microsoft's issues of the scope only.
 */
export function parseSubscribe(name: 'subscribe' | 'unsubscribe', rest: string): ParseResult {
  const words = argumentTokens(rest);
  const trim = () => {
    while (words.length && FILLERS.has(words[0])) words.shift();
    while (words.length && FILLERS.has(words[words.length - 1])) words.pop();
  };
  trim();
  const issues = words.length ? ISSUE_WORDS[words[words.length - 1]] : undefined;
  if (issues) {
    words.pop();
    if (words[words.length - 1] === 'microsoft' || words[words.length - 1] === "microsoft's") words.pop();
    trim();
  }
  const phrase = words.join(' ');
  const scope = readScope(phrase);
  if (scope) return ok(issues ? { name, scope, issues } : { name, scope });
  const near = matchService(phrase);
  const service = { guess: near.ok ? undefined : near.guess };
  const metric = matchMetric(phrase);
  if (metric.ok && !service.guess)
    return ok({ name, scope: { kind: 'metric', fn: metric.metric.fn }, ...(issues ? { issues } : {}) });
  if (service.guess) {
    const fixed = `${name} ${serviceWord(service.guess)}`;
    return fail('unknown-service', `I don't know \`${phrase.slice(0, 40)}\`. Did you mean \`${fixed}\`?`, {
      suggestion: fixed,
      example: fixed,
    });
  }
  if (!metric.ok && metric.kind === 'ambiguous') {
    const shown = metric.candidates.slice(0, 3);
    const example = `${name} ${shown[0].id}`;
    return fail(
      'ambiguous-metric',
      `\`${phrase.slice(0, 40)}\` matches ${metric.candidates.length} metrics: ` +
        `${shown.map((m) => `\`${m.id}\` (${m.name})`).join(', ')}${metric.candidates.length > 3 ? ' and more' : ''}. ` +
        `Which one? Example: \`${example}\`.`,
      { suggestion: example, example },
    );
  }
  const guess = !metric.ok && metric.kind === 'unknown' ? metric.guess : undefined;
  const fixed = guess ? `${name} ${guess.word}` : undefined;
  return fail(
    'unknown-service',
    `I don't know the service or metric \`${phrase.slice(0, 40)}\`.${fixed ? ` Did you mean \`${fixed}\`?` : ''} ` +
      `Use \`all\`, a service (${SERVICE_LIST}) or a metric from \`metrics\`.`,
    { suggestion: fixed ?? `${name} all`, example: `${name} exchange` },
  );
}

/** All, then an exact service, an exact metric, a service with a small typo. */
function readScope(phrase: string): SubscriptionScope | undefined {
  if (!phrase || ALL.has(phrase)) return { kind: 'all' };
  const service = exactService(phrase);
  if (service) return { kind: 'service', service: service.id };
  const metric = exactMetric(phrase);
  if (metric) return { kind: 'metric', fn: metric.fn };
  const near = matchService(phrase);
  if (near.ok && serviceById(near.service.id)) return { kind: 'service', service: near.service.id };
  return undefined;
}
