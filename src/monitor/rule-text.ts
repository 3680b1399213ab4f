import { metricByFn } from '../domain/catalog';
import { describeRule as describeCatalogRule } from '../domain/catalog-doc';
import { durationLabel } from './format';
import type { Rule } from './rules';
import { ruleLimits } from './thresholds';

/**
 * One line for cards and `rules` lists: "Mail delivery drops ≥ 50 % vs the usual level for 2 buckets (10 minutes),
 * judged when usual ≥ 36 · muted by Ana". `below`/`above` reuse the catalog wording; `drop`/`rise` name the seasonal
 * baseline (median of past weeks) instead of the catalog's shorthand "last week". The floor shown is the one the
 * evaluator applies (`ruleLimits`: `minCount` or the noise floor, whichever is higher).
 */
export function describeRule(rule: Rule, intervalMinutes = 5): string {
  const metric = metricByFn(rule.fn);
  const name = metric?.name ?? rule.fn;
  const span = ` (${durationLabel(rule.forBuckets * intervalMinutes)})`;
  const muted = rule.muted ? ` · muted by ${rule.muted.by.name}` : '';
  if (rule.kind === 'below' || rule.kind === 'above')
    return `${name} ${describeCatalogRule(rule, metric?.unit ?? 'count')}${span}${muted}`;
  const verb = rule.kind === 'drop' ? 'drops' : 'rises';
  const buckets = `for ${rule.forBuckets} bucket${rule.forBuckets === 1 ? '' : 's'}`;
  const floorOn = rule.kind === 'drop' ? 'usual' : 'the value';
  const { floor: min } = ruleLimits(rule);
  const floor = min > 0 ? `, judged when ${floorOn} ≥ ${min}` : '';
  return `${name} ${verb} ≥ ${rule.threshold} % vs the usual level ${buckets}${span}${floor}${muted}`;
}
