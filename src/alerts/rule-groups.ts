import { metricByFn } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { Rule } from '../monitor/rules';

/** The service group a change to this rule touches (for the admin check); none for an unknown function. */
export function groupsOfRule(rule: Pick<Rule, 'fn'>): ServiceGroup[] {
  const group = metricByFn(rule.fn)?.service;
  return group ? [group] : [];
}

/** The metric's friendly name, or the function when the catalog lacks it. */
export function ruleMetricName(rule: Pick<Rule, 'fn'>): string {
  return metricByFn(rule.fn)?.name ?? rule.fn;
}
