import { metricByFn } from '../domain/catalog';
import type { MetricUnit } from '../domain/catalog-types';
import type { Rule } from './rules';

/** A firing `drop`/`rise` rule clears only below this share of its threshold: 50 % → 35 %, 100 % → 70 %. */
export const RESOLVE_FRACTION = 0.7;

/** Hysteresis of `below`/`above` on percentages, in points (capped at half the distance to 100 % or to 0 %). */
export const PERCENT_MARGIN_POINTS = 1;

/** Hysteresis of `below`/`above` on counts, as a share of the threshold (`above 100` clears at ≤ 90). */
export const COUNT_MARGIN_FRACTION = 0.1;

/** Volume floor for `drop`/`rise` on counts when neither the rule nor the catalog gives `minCount`. */
export const DEFAULT_MIN_COUNT = 10;

/**
 * Poisson significance for `drop`/`rise` on counts: a bucket is judged only when the threshold change is at least
 * this many standard deviations (√baseline) of ordinary noise. z = 3 gives baseline ≥ 9/t² for a drop of t
 * (50 % → 36) and value ≥ 9(1+t)/t² for a rise of t (100 % → 18).
 */
export const NOISE_Z = 3;

/**
 * State counts (how many branches, tunnels or BGP sessions are up or down) are not Poisson events, so the noise
 * floor does not apply to them; their floor is `minCount` alone. The catalog does not mark them yet, hence this list.
 */
export const STATE_COUNT_FNS: ReadonlySet<string> = new Set([
  'getMetricsForNetworkAccessRemoteNetworkBranchesAlive',
  'getMetricsForNetworkAccessRemoteNetworkBranchesTunnelConnected',
  'getMetricsForNetworkAccessRemoteNetworkBranchesTunnelDisconnected',
  'getMetricsForNetworkAccessRemoteNetworkBranchesBGPConnected',
  'getMetricsForNetworkAccessRemoteNetworkBranchesBGPDisconnected',
]);

/**
 * A drop of at least this much (in %) against the usual level is severe: one settled bucket fires the rule instead of
 * `forBuckets` in a row. Noise cannot produce it on a judged bucket (at the 50 % default's floor of 36, a Poisson
 * count reading ≤ 7 has a probability below 10⁻⁸), and late data cannot either (see docs/alerts.md "Severe breaches").
 */
export const SEVERE_DROP_PCT = 80;

/**
 * Hard floors of the percentage metrics: a bucket below one is severe and fires the rule at once. Each is far below
 * both the metric's healthy level and its default rule, and below what late-arriving telemetry reads: Exchange
 * connectivity is 99.9 % when healthy (default below 95), so 85 % means one synthetic connection in seven fails;
 * Teams audio QoE is 97 % and arrives late (default below 90), so 75 % means a quarter of calls report nothing;
 * audio over UDP is 95 % (default below 85), so 65 % means a third of calls fell back to TCP: a blocked port range.
 */
export const HARD_FLOORS: Readonly<Record<string, number>> = {
  getConnectivityMetricsForExchange: 85,
  getAudioStreamQoEMetricsForTeams: 75,
  getAudioStreamsOverUdpMetricsForTeams: 65,
};

/**
 * The level past which one bucket fires a rule (`severe` of its limits): a `drop` of `SEVERE_DROP_PCT`, or a
 * percentage metric's hard floor for `below`. Only when it is strictly past the rule's own level: a rule that
 * already fires at or beyond it keeps its `forBuckets`, as its author asked. `rise` and `above` have none.
 */
export function severeLevel(
  rule: Pick<Rule, 'kind' | 'threshold' | 'fn'>,
  unit: MetricUnit,
): number | undefined {
  if (rule.kind === 'drop') return SEVERE_DROP_PCT > rule.threshold ? SEVERE_DROP_PCT : undefined;
  const floor = HARD_FLOORS[rule.fn];
  if (rule.kind === 'below' && unit === 'percent' && floor !== undefined && floor < rule.threshold)
    return floor;
  return undefined;
}

/** Consecutive clear buckets that resolve a firing rule: at least 2, or `forBuckets` when larger. */
export function clearBucketsFor(rule: Pick<Rule, 'forBuckets'>): number {
  return Math.max(2, rule.forBuckets);
}

/**
 * Consecutive non-breaching buckets (clear or inside the hysteresis band) that also resolve a firing rule, so a
 * metric that settles just short of the clear level does not stay firing forever: at least 6, or 3 × `forBuckets`.
 */
export function quietBucketsFor(rule: Pick<Rule, 'forBuckets'>): number {
  return Math.max(6, 3 * rule.forBuckets);
}

/** The levels one rule is judged by, derived once per evaluation. */
export interface Limits {
  kind: Rule['kind'];
  unit: MetricUnit;
  /** `below`/`above`: the level; `drop`/`rise`: the % change that fires. */
  fire: number;
  /** `below`: value ≥ clear; `above`: value ≤ clear; `drop`/`rise`: |change| < clear (in %). */
  clear: number;
  /** Volume floor on the baseline (`drop`) or on the value (`rise`); 0 = none (percentages, levels). */
  floor: number;
  /** `drop`: the % drop, `below`: the level, past which one bucket fires (`severeLevel`); absent when none. */
  severe?: number;
}

/** The fire level, clear level and volume floor of a rule on a metric of `unit` (see docs/alerts.md). */
export function limitsFor(rule: Rule, unit: MetricUnit, catalogMinCount?: number): Limits {
  const severe = severeLevel(rule, unit);
  const base = { kind: rule.kind, unit, fire: rule.threshold, ...(severe === undefined ? {} : { severe }) };
  const t = rule.threshold;
  switch (rule.kind) {
    case 'below': {
      const margin =
        unit === 'percent' ? Math.min(PERCENT_MARGIN_POINTS, (100 - t) / 2) : COUNT_MARGIN_FRACTION * t;
      return { ...base, clear: t + margin, floor: 0 };
    }
    case 'above': {
      const margin = unit === 'percent' ? Math.min(PERCENT_MARGIN_POINTS, t / 2) : COUNT_MARGIN_FRACTION * t;
      return { ...base, clear: t - margin, floor: 0 };
    }
    case 'drop':
    case 'rise':
      return { ...base, clear: RESOLVE_FRACTION * t, floor: volumeFloor(rule, unit, catalogMinCount) };
  }
}

/**
 * The volume floor of a `drop`/`rise` rule on counts: the larger of its `minCount` (else the catalog's, else
 * `DEFAULT_MIN_COUNT`) and, for event counts, the noise floor of `NOISE_Z`. `minCount` can raise the floor, never
 * lower it below noise; state counts (`STATE_COUNT_FNS`) use `minCount` alone.
 */
export function volumeFloor(rule: Rule, unit: MetricUnit, catalogMinCount?: number): number {
  if (unit === 'percent' || (rule.kind !== 'drop' && rule.kind !== 'rise')) return 0;
  const minCount = rule.minCount ?? catalogMinCount ?? DEFAULT_MIN_COUNT;
  if (STATE_COUNT_FNS.has(rule.fn)) return minCount;
  const t = rule.threshold / 100;
  const z2 = NOISE_Z * NOISE_Z;
  const noise = rule.kind === 'drop' ? z2 / (t * t) : (z2 * (1 + t)) / (t * t);
  return Math.max(minCount, Math.ceil(noise));
}

/**
 * The limits of a rule on its catalog metric: the catalog's `minCount` counts only when the rule has the kind of the
 * catalog default (a drop's baseline floor is no floor for a rise). Unknown functions are judged as counts.
 */
export function ruleLimits(rule: Rule): Limits {
  const metric = metricByFn(rule.fn);
  const catalogMin = metric?.defaultRule.kind === rule.kind ? metric.defaultRule.minCount : undefined;
  return limitsFor(rule, metric?.unit ?? 'count', catalogMin);
}
