import type { MetricDef, ServiceDef } from '../../domain/catalog-types';
import { SERVICES, serviceById } from '../../domain/catalog';
import { fail, ok, type ParseResult } from '../command-types';
import { exactMetric, matchMetric } from '../metric-match';
import { matchService, serviceWord } from '../../domain/service-match';
import { argumentTokens } from '../text-tokens';

/** Words around a service that change nothing: `status of teams`, `metrics for all services`, `list metrics`. */
const FILLERS = new Set([
  'for',
  'of',
  'in',
  'on',
  'the',
  'all',
  'services',
  'service',
  'every',
  'metrics',
  'everything',
]);
const SERVICE_LIST = SERVICES.map((s) => `\`${serviceWord(s)}\``).join(', ');

/** `status|metrics|board [service]`: no service means all of them. */
export function parseServiceScope(name: 'status' | 'metrics' | 'board', rest: string): ParseResult {
  const words = argumentTokens(rest);
  while (FILLERS.has(words[0])) words.shift();
  while (FILLERS.has(words[words.length - 1])) words.pop();
  if (!words.length) return ok({ name });
  const phrase = words.join(' ');
  const match = matchService(phrase);
  if (match.ok) return ok({ name, service: match.service.id });
  const metric = exactMetric(phrase);
  if (metric) return isMetric(name, phrase, metric);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const head = matchService(words.slice(0, n).join(' '));
    if (head.ok) return extraWords(name, head.service, words.slice(n).join(' '));
  }
  if (match.guess) {
    const fixed = `${name} ${serviceWord(match.guess)}`;
    return fail('unknown-service', `I don't know the service \`${phrase}\`. Did you mean \`${fixed}\`?`, {
      suggestion: fixed,
      example: fixed,
    });
  }
  const fuzzy = matchMetric(phrase);
  if (fuzzy.ok) return isMetric(name, fuzzy.word, fuzzy.metric);
  const example = `${name} exchange`;
  return fail(
    'unknown-service',
    `I don't know the service \`${phrase.slice(0, 40)}\`. Services: ${SERVICE_LIST}. Example: \`${example}\`.`,
    {
      example,
    },
  );
}

function extraWords(name: string, service: ServiceDef, extra: string): ParseResult {
  const fixed = `${name} ${serviceWord(service)}`;
  return fail(
    'invalid',
    `\`${name}\` takes only a service, not \`${extra.slice(0, 40)}\`. Send \`${fixed}\`; for a time window, use \`show\` ` +
      '(for example `show mail delivery last 2h`).',
    { suggestion: fixed, example: fixed },
  );
}

function isMetric(name: string, phrase: string, metric: MetricDef): ParseResult {
  const show = `show ${phrase}`;
  const service = serviceById(metric.service) ?? SERVICES[0];
  return fail(
    'unknown-service',
    `\`${name}\` takes a service, and \`${phrase}\` is a metric: \`${show}\` charts it. Services: ${SERVICE_LIST}.`,
    { suggestion: show, example: `${name} ${serviceWord(service)}` },
  );
}
