import { volumeFloor } from '../monitor/thresholds';
import type { Rule } from '../monitor/rules';
import { metricByFn } from '../domain/catalog';
import type { MetricDef } from '../domain/catalog-types';
import type { MetricsErrorKind } from '../graph/errors';
import type { MetricStatus } from '../graph/metrics-reader';
import { formatChange, formatRulePercent, formatValue } from './format';

/** What a status row says about a metric. */
export type MetricStateKind = 'degraded' | 'normal' | 'noData' | 'notPermitted' | 'notAvailable' | 'failed';

export interface MetricState {
  kind: MetricStateKind;
  /** One short sentence for the card: why this state. */
  reason: string;
}

/** Icon and Adaptive Card text colour of each state. */
export const STATE_LOOK: Readonly<Record<MetricStateKind, { icon: string; color: string; label: string }>> = {
  degraded: { icon: '🔴', color: 'Attention', label: 'degraded' },
  normal: { icon: '🟢', color: 'Good', label: 'normal' },
  noData: { icon: '⚪', color: 'Default', label: 'no data' },
  notPermitted: { icon: '🔒', color: 'Warning', label: 'not permitted' },
  notAvailable: { icon: '🚫', color: 'Default', label: 'not available' },
  failed: { icon: '⚠️', color: 'Warning', label: 'failed' },
};

/** Order in which states are listed: problems first. */
export const STATE_ORDER: readonly MetricStateKind[] = [
  'degraded',
  'failed',
  'notPermitted',
  'notAvailable',
  'noData',
  'normal',
];

const FAILURE_TEXT: Partial<Record<MetricsErrorKind, string>> = {
  SignInRequired: 'Sign-in needed.',
  InvalidRequest: 'Microsoft Graph rejected the request.',
  Throttled: 'Microsoft Graph is throttling requests; try again later.',
  Network: 'Microsoft Graph could not be reached.',
  Timeout: 'Microsoft Graph did not answer in time.',
  ServiceError: 'Microsoft Graph had a service problem.',
  MalformedResponse: 'Microsoft Graph sent an answer Pulse could not read.',
};

/**
 * A metric's state from its latest bucket (the reason never repeats the value, which the card shows next to it) and the catalog's default rule, judged on that one bucket: a percentage
 * below its rule's level, a count beyond the rule's change against the same bucket last week in the bad direction
 * (only above the rule's noise floor), or any value of a count whose healthy level is zero.
 */
export function metricState(status: MetricStatus, locale: string): MetricState {
  if (!status.ok) {
    const e = status.error;
    if (e.kind === 'MissingPermission') {
      const needs = 'permission' in e && e.permission ? e.permission : 'a Microsoft Graph permission';
      return { kind: 'notPermitted', reason: `Needs ${needs}.` };
    }
    if (e.kind === 'NotAvailable') return { kind: 'notAvailable', reason: 'Not available for this tenant.' };
    return { kind: 'failed', reason: FAILURE_TEXT[e.kind] ?? 'The request failed.' };
  }
  const metric = metricByFn(status.fn);
  if (!status.latest || !metric) return { kind: 'noData', reason: 'No data in the recent buckets yet.' };
  return judge(metric, status.latest.v, status.lastWeek?.v, status.changePct, locale);
}

function judge(
  metric: MetricDef,
  value: number,
  lastWeek: number | undefined,
  changePct: number | undefined,
  locale: string,
): MetricState {
  const rule = metric.defaultRule;
  const level = formatValue(rule.threshold, metric.unit, locale);
  switch (rule.kind) {
    case 'below':
      return value < rule.threshold
        ? { kind: 'degraded', reason: `Below its alert level of ${level}.` }
        : { kind: 'normal', reason: `At or above its alert level of ${level}.` };
    case 'above':
      return value > rule.threshold
        ? { kind: 'degraded', reason: `Above ${level}, its healthy level.` }
        : { kind: 'normal', reason: `At or below ${level}, its healthy level.` };
    case 'drop':
    case 'rise': {
      if (lastWeek === undefined || changePct === undefined) {
        return { kind: 'normal', reason: 'No data for the same time last week to compare with.' };
      }
      // The evaluator's floor (the rule's minCount, raised to the noise floor): a 50 % "drop" from 11 to 5 is noise.
      const floor = volumeFloor({ ...rule, fn: metric.fn } as Rule, metric.unit, rule.minCount);
      const judged = rule.kind === 'drop' ? lastWeek : value;
      if (judged < floor) {
        return { kind: 'normal', reason: `Too few events to judge (under ${floor}).` };
      }
      const bad = rule.kind === 'drop' ? changePct <= -rule.threshold : changePct >= rule.threshold;
      const change = `${formatChange(changePct, locale)} vs the same time last week`;
      return bad
        ? {
            kind: 'degraded',
            reason: `${change} (alert rule: a ${rule.kind} of ${formatRulePercent(rule.threshold, locale)} or more).`,
          }
        : { kind: 'normal', reason: `${change}.` };
    }
  }
}
