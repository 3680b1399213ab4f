import { defaultWatchText, RULE_BUCKET_MINUTES, watchText } from '../../alerts/rule-commands';
import { SYSTEM_ACTOR } from '../../monitor/actor';
import { bucketsFor, customRule, MAX_FOR_BUCKETS } from '../../monitor/rules';
import { fail, ok, type ParseResult } from '../command-types';
import { cleanMetricPhrase, exactMetric, matchMetric } from '../metric-match';
import { argumentTokens } from '../text-tokens';
import { readAlertMetric } from './alert-metric';
import { badIndex, readRuleRef } from './rule-ref';
import { readCondition, splitSymbols, type ConditionRead } from './watch-condition';

const EXAMPLE = 'watch mail delivery drop 50%';
/** Words between the metric and the condition: `watch udp if it falls below 80%`. */
const LINKS = new Set([
  'is',
  'goes',
  'falls',
  'drops',
  'gets',
  'rises',
  'stays',
  'if',
  'when',
  'whenever',
  'it',
]);

/** The condition of `watch`, resolved to a catalog function; shared with `unwatch <condition>`. */
export type WatchRead =
  | { ok: true; fn: string; word: string; condition: ConditionRead; forBuckets?: number; ruleId: string }
  | { ok: false; result: ParseResult };

/**
 * `watch <metric> below|above <N>[%] [for <duration>]`, `watch <metric> drop|rise <N>% [vs baseline]`, and
 * `watch #n` / `watch <rule id>` to unmute a rule that `unwatch` muted.
 */
export function parseWatch(rest: string): ParseResult {
  const tokens = splitSymbols(argumentTokens(rest));
  const ref = readRuleRef(tokens);
  if (ref) {
    if (ref.by === 'index' && ref.n < 1) return badIndex('watch');
    return ok({ name: 'watch', resume: ref });
  }
  const read = readWatch(tokens, 'watch');
  if (!read.ok) return read.result;
  const { fn, condition } = read;
  return ok({
    name: 'watch',
    rule: {
      fn,
      kind: condition.kind,
      threshold: condition.threshold,
      percent: condition.percent,
      ...(read.forBuckets !== undefined ? { forBuckets: read.forBuckets } : {}),
    },
  });
}

/** Reads `<metric> <condition> [clauses]` and validates it as the monitor would store it. */
export function readWatch(tokens: readonly string[], name: 'watch' | 'unwatch'): WatchRead {
  const found = readCondition(tokens);
  if (!found || 'kindOnly' in found) return noCondition(tokens, name, found);
  const phrase = metricPhrase(tokens.slice(0, found.start));
  const cond = found;
  const write = (word: string, fix: Partial<ConditionRead> = {}): string =>
    writeWatch(name, word, { ...cond, ...fix });
  if (!phrase) {
    const example = write('mail delivery');
    return error(
      'missing-metric',
      `\`${name}\` needs a metric before the condition, as in \`${example}\`.`,
      'metrics',
      example,
    );
  }
  const metric = readAlertMetric(phrase, name, (w) => write(w));
  if (!metric.ok) return metric;
  const { fn } = metric.metric;
  const fallback = defaultWatchText(metric.word, fn).replace(/^watch/, name);
  if (cond.extra.length) {
    const fixed = write(metric.word);
    return error(
      'invalid',
      `I don't understand \`${cond.extra.join(' ').slice(0, 40)}\` after the condition. Example: \`${fixed}\`.`,
      fixed,
      fixed,
    );
  }
  if (cond.vsBaseline && (cond.kind === 'below' || cond.kind === 'above')) {
    const percent = metric.metric.unit === 'percent';
    const compare = write(metric.word, { kind: 'drop', threshold: percent ? 10 : 50, forMinutes: undefined });
    return error(
      'bad-rule',
      `\`${cond.kind}\` compares with a fixed level, not with the usual one; to compare, use \`drop\` or \`rise\` ` +
        `in %, as in \`${compare}\`.`,
      write(metric.word, { vsBaseline: false }),
      compare,
    );
  }
  const forBuckets = bucketsOf(cond);
  if (forBuckets !== undefined && !(forBuckets >= 1 && forBuckets <= MAX_FOR_BUCKETS)) {
    const fixed = write(metric.word, { forMinutes: 15, forBuckets: undefined });
    return error(
      'bad-duration',
      `\`for\` can be ${RULE_BUCKET_MINUTES} minutes to 24 hours (1 to ${MAX_FOR_BUCKETS} five-minute buckets). ` +
        `Example: \`${fixed}\`.`,
      fixed,
      fixed,
    );
  }
  const checked = customRule({
    tenantId: '',
    createdBy: SYSTEM_ACTOR,
    createdAt: '',
    fn,
    kind: cond.kind,
    threshold: cond.threshold,
    forBuckets,
    thresholdIsPercent: cond.percent,
  });
  if (!checked.ok) return error('bad-rule', checked.error, name === 'watch' ? fallback : 'rules', fallback);
  return { ok: true, fn, word: metric.word, condition: cond, forBuckets, ruleId: checked.rule.id };
}

/** The metric words without filler in front (`me the`) and linking words behind (`is`, `falls`), unless they are the name. */
function metricPhrase(words: readonly string[]): string {
  const phrase = cleanMetricPhrase(words.join(' '));
  if (exactMetric(phrase)) return phrase;
  const kept = phrase.split(' ').filter(Boolean);
  while (kept.length && LINKS.has(kept[kept.length - 1])) kept.pop();
  return kept.join(' ');
}

function bucketsOf(cond: ConditionRead): number | undefined {
  if (cond.forBuckets !== undefined) return cond.forBuckets;
  if (cond.forMinutes === undefined) return undefined;
  return cond.forMinutes < 1 ? 0 : bucketsFor(cond.forMinutes, RULE_BUCKET_MINUTES);
}

function writeWatch(name: string, word: string, cond: ConditionRead): string {
  const forBuckets =
    cond.forBuckets ?? (cond.forMinutes ? bucketsFor(cond.forMinutes, RULE_BUCKET_MINUTES) : undefined);
  const metric = matchMetric(word);
  const fn = metric.ok ? metric.metric.fn : '';
  const text = watchText(word, fn, { kind: cond.kind, threshold: cond.threshold, forBuckets });
  const vs = cond.vsBaseline && (cond.kind === 'drop' || cond.kind === 'rise') ? ' vs baseline' : '';
  return `${name}${text.slice('watch'.length)}${vs}`;
}

/** `watch udp`, `watch udp below`: say what a condition looks like, with the metric's default as the example. */
function noCondition(
  tokens: readonly string[],
  name: 'watch' | 'unwatch',
  kindOnly?: { kindOnly: string; at: number },
): WatchRead {
  const whole = metricPhrase(tokens);
  const exact = exactMetric(whole);
  const phrase = exact || !kindOnly ? whole : metricPhrase(tokens.slice(0, kindOnly.at));
  if (!phrase) {
    return error(
      'missing-metric',
      `\`${name}\` needs a metric and a condition, as in \`watch connectivity below 95%\` or \`${EXAMPLE}\`. ` +
        '`rules` lists the rules I use now.',
      'rules',
      EXAMPLE,
    );
  }
  const metric = exact
    ? { ok: true as const, metric: exact, word: phrase }
    : readAlertMetric(phrase, name, (w) => w);
  if (!metric.ok) return metric;
  const example = defaultWatchText(metric.word, metric.metric.fn);
  const what =
    kindOnly && !exact
      ? `\`${kindOnly.kindOnly}\` needs a number after it`
      : `\`watch ${metric.word}\` needs a condition`;
  return error(
    'bad-rule',
    `${what}: \`below\` or \`above\` a level, or \`drop\` or \`rise\` in % against the usual level, as in ` +
      `\`${example}\`. \`subscribe ${metric.word}\` uses the default rule.`,
    example,
    example,
  );
}

function error(
  kind: Parameters<typeof fail>[0],
  message: string,
  suggestion: string,
  example: string,
): WatchRead {
  return { ok: false, result: fail(kind, message, { suggestion, example }) };
}
