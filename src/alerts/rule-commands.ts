import { metricByFn } from '../domain/catalog';
import type { Rule, RuleKind } from '../monitor/rules';

/** Minutes per bucket that rules count in (the monitor's 5-minute buckets). */
export const RULE_BUCKET_MINUTES = 5;

/** The parts of a `watch` command. */
export interface WatchWords {
  kind: RuleKind;
  threshold: number;
  /** Consecutive buckets; omitted from the text when undefined. */
  forBuckets?: number;
}

/**
 * `watch <metric word> <kind> <N>[%] [for <duration>]` in the form the parser reads back: `%` after relative
 * thresholds and percent metrics, none after counts.
 */
export function watchText(metricWord: string, fn: string, words: WatchWords): string {
  const metric = metricByFn(fn);
  const relative = words.kind === 'drop' || words.kind === 'rise';
  const percent = relative || metric?.unit === 'percent' ? '%' : '';
  const span =
    words.forBuckets === undefined ? '' : ` for ${compactMinutes(words.forBuckets * RULE_BUCKET_MINUTES)}`;
  return `watch ${metricWord} ${words.kind} ${words.threshold}${percent}${span}`;
}

/** The `watch` command that recreates a rule exactly (its `for` only when it differs from the metric's default). */
export function watchCommandFor(rule: Rule): string {
  const metric = metricByFn(rule.fn);
  const forBuckets = rule.forBuckets === metric?.defaultRule.forBuckets ? undefined : rule.forBuckets;
  return watchText(metric?.id ?? rule.fn, rule.fn, {
    kind: rule.kind,
    threshold: rule.threshold,
    forBuckets,
  });
}

/** The metric's catalog default written as a `watch` command: a known-good example for error answers. */
export function defaultWatchText(metricWord: string, fn: string): string {
  const rule = metricByFn(fn)?.defaultRule ?? { kind: 'drop' as const, threshold: 50 };
  return watchText(metricWord, fn, { kind: rule.kind, threshold: rule.threshold });
}

/** `15m`, `2h`, `1d`: a duration the grammar reads. */
export function compactMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
