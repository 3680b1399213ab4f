import { fail, ok, type ParseResult } from '../command-types';
import { cleanMetricPhrase } from '../metric-match';
import { argumentTokens } from '../text-tokens';
import { readAlertMetric } from './alert-metric';
import { badIndex, readRuleRef } from './rule-ref';
import { readCondition, splitSymbols } from './watch-condition';
import { readWatch } from './watch';

/**
 * `unwatch #n | <rule id> | <metric> [<condition>]`: removes a custom rule, or mutes a default one. A condition
 * names its custom rule exactly (`unwatch udp below 80%`); a metric alone means its rules, resolved by the handler.
 */
export function parseUnwatch(rest: string): ParseResult {
  const tokens = splitSymbols(argumentTokens(rest));
  if (!tokens.length) {
    return fail(
      'missing-metric',
      '`unwatch` needs a rule: its number or id from `rules`, as in `unwatch #2` or `unwatch default:mail-delivery`.',
      { suggestion: 'rules', example: 'unwatch #1' },
    );
  }
  const ref = readRuleRef(tokens);
  if (ref) return ref.by === 'index' && ref.n < 1 ? badIndex('unwatch') : ok({ name: 'unwatch', ref });
  const condition = readCondition(tokens);
  if (condition && !('kindOnly' in condition)) {
    const read = readWatch(tokens, 'unwatch');
    return read.ok ? ok({ name: 'unwatch', ref: { by: 'id', id: read.ruleId } }) : read.result;
  }
  const phrase = cleanMetricPhrase(tokens.join(' '));
  const metric = readAlertMetric(phrase, 'unwatch', (w) => `unwatch ${w}`);
  if (!metric.ok) return metric.result;
  return ok({ name: 'unwatch', ref: { by: 'metric', fn: metric.metric.fn } });
}
