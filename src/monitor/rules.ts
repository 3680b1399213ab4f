import { metricByFn } from '../domain/catalog';
import type { DefaultRule, MetricDef } from '../domain/catalog-types';
import type { Actor } from './actor';

/** How a rule judges a bucket: absolute `below`/`above`, or `drop`/`rise` in % against the seasonal baseline. */
export type RuleKind = DefaultRule['kind'];

/** An alert rule of one tenant on one metric, either a catalog default (`subscribe`) or a user's own (`watch`). */
export interface Rule {
  /** Stable per tenant: `default:<metric id>` or `custom:<metric id>:<kind>:<threshold>` (same words, same rule). */
  id: string;
  tenantId: string;
  /** Exact Graph function name. */
  fn: string;
  kind: RuleKind;
  /** Level (`below`/`above`: percentage points or a count) or % change (`drop`/`rise`). */
  threshold: number;
  /** Consecutive complete breaching buckets before the rule fires. */
  forBuckets: number;
  /** Volume floor for `drop` (on the baseline) and `rise` (on the value); see docs/alerts.md "Low volume". */
  minCount?: number;
  source: 'default' | 'custom';
  createdBy: Actor;
  /** ISO instant. */
  createdAt: string;
  /** Set while muted: the rule keeps evaluating and tracking incidents but produces no card effects. */
  muted?: { by: Actor; at: string };
}

/** Who creates rules, and when: the I/O layer passes its clock in. */
export interface RuleOrigin {
  tenantId: string;
  createdBy: Actor;
  createdAt: string;
}

/** Longest `for` a custom rule may ask for: one day of 5-minute buckets. */
export const MAX_FOR_BUCKETS = 288;

/** The catalog's default rule for each function, in the order given; throws on a function the catalog lacks. */
export function defaultRulesFor(fns: readonly string[], origin: RuleOrigin): Rule[] {
  return [...new Set(fns)].map((fn) => {
    const metric = metricByFn(fn);
    if (!metric) throw new Error(`No catalog metric has the function '${fn}'.`);
    const { kind, threshold, forBuckets, minCount } = metric.defaultRule;
    const rule: Rule = {
      id: `default:${metric.id}`,
      ...origin,
      fn,
      kind,
      threshold,
      forBuckets,
      source: 'default',
    };
    if (minCount !== undefined) rule.minCount = minCount;
    return rule;
  });
}

/** What a `watch` command asks for, already resolved to a catalog function. */
export interface CustomRuleSpec extends RuleOrigin {
  fn: string;
  kind: RuleKind;
  threshold: number;
  /** Default: the metric's default `forBuckets`. */
  forBuckets?: number;
  minCount?: number;
  /** The user wrote `%` after the number (`below 95%`): wrong for a count metric's `below`/`above`. */
  thresholdIsPercent?: boolean;
}

export type CustomRuleResult = { ok: true; rule: Rule } | { ok: false; error: string };

/** Validates a `watch` rule against the metric's unit; the error names the part that is wrong and what to write. */
export function customRule(spec: CustomRuleSpec): CustomRuleResult {
  const metric = metricByFn(spec.fn);
  if (!metric) return { ok: false, error: `No metric has the function '${spec.fn}'.` };
  const problem = thresholdProblem(metric, spec) ?? countProblem(spec);
  if (problem) return { ok: false, error: problem };
  const rule: Rule = {
    id: `custom:${metric.id}:${spec.kind}:${spec.threshold}`,
    tenantId: spec.tenantId,
    fn: spec.fn,
    kind: spec.kind,
    threshold: spec.threshold,
    forBuckets: spec.forBuckets ?? metric.defaultRule.forBuckets,
    source: 'custom',
    createdBy: spec.createdBy,
    createdAt: spec.createdAt,
  };
  const sameKind = metric.defaultRule.kind === spec.kind;
  const minCount =
    spec.minCount ?? (isRelative(spec.kind) && sameKind ? metric.defaultRule.minCount : undefined);
  if (minCount !== undefined) rule.minCount = minCount;
  return { ok: true, rule };
}

function isRelative(kind: RuleKind): boolean {
  return kind === 'drop' || kind === 'rise';
}

function thresholdProblem(metric: MetricDef, spec: CustomRuleSpec): string | undefined {
  const t = spec.threshold;
  if (!Number.isFinite(t)) return `The threshold must be a number, got ${t}.`;
  if (isRelative(spec.kind)) {
    if (spec.kind === 'drop' && !(t > 0 && t <= 100))
      return `A drop is a percentage from 1 to 100, e.g. \`watch ${metric.id} drop 50%\`.`;
    if (spec.kind === 'rise' && !(t > 0 && t <= 10_000))
      return `A rise is a percentage above 0, e.g. \`watch ${metric.id} rise 100%\` (double the usual).`;
    return undefined;
  }
  if (metric.unit === 'percent' && !(t >= 0 && t <= 100))
    return `${metric.name} is a percentage, so the level must be from 0 to 100, got ${t}.`;
  if (metric.unit === 'count' && spec.thresholdIsPercent)
    return `${metric.name} is a count, not a percentage: use \`watch ${metric.id} drop ${t}%\` to compare with the usual level, or a plain number such as \`watch ${metric.id} ${spec.kind} 100\`.`;
  if (t < 0) return `${metric.name} counts cannot be negative, got ${t}.`;
  return undefined;
}

function countProblem(spec: CustomRuleSpec): string | undefined {
  const n = spec.forBuckets;
  if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= MAX_FOR_BUCKETS))
    return `The duration must be 1 to ${MAX_FOR_BUCKETS} buckets (up to 24 hours of 5-minute buckets), got ${n}.`;
  const m = spec.minCount;
  if (m !== undefined && !(Number.isInteger(m) && m >= 0))
    return `The minimum count must be a whole number ≥ 0.`;
  return undefined;
}

/** Buckets covering a `for <duration>`: 15 minutes of 5-minute buckets is 3; never less than one bucket. */
export function bucketsFor(minutes: number, intervalMinutes: number): number {
  return Math.max(1, Math.ceil(minutes / intervalMinutes));
}

/** The rule, muted by `by` at `at` (ISO); an already muted rule keeps its first mute. */
export function muteRule(rule: Rule, by: Actor, at: string): Rule {
  return rule.muted ? rule : { ...rule, muted: { by, at } };
}

/** The rule without its mute. */
export function unmuteRule(rule: Rule): Rule {
  const { muted: _muted, ...rest } = rule;
  return rest;
}
