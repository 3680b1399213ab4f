import { describeBaseline, MAX_HISTORY_WEEKS, type BucketBaseline, type SeasonalHistory } from './baseline';
import type { DetectorCounts, DetectorState } from './firing-state';
import { formatChange, formatValue, utcClock } from './format';
import type { JudgedBucket } from './bucket-verdict';
import type { Rule } from './rules';
import type { Limits } from './thresholds';

/** What the evaluator concluded about a rule at `now`. */
export type EvaluationState = 'breach' | 'healthy' | 'no-data' | 'insufficient-history' | 'low-volume';

/** Everything a reason sentence may mention. */
export interface ReasonContext {
  rule: Rule;
  name: string;
  limits: Limits;
  state: EvaluationState;
  last: JudgedBucket | undefined;
  detector: DetectorState;
  counts: DetectorCounts;
  history: SeasonalHistory;
  /** Baseline of the newest complete bucket. */
  baseline: BucketBaseline | undefined;
}

/** One sentence saying what the evaluator saw and what it is waiting for. */
export function reasonFor(c: ReasonContext): string {
  const { last, limits, name } = c;
  if (!last) return `${name}: no complete bucket in the window yet.`;
  const at = utcClock(last.t);
  switch (c.state) {
    case 'no-data':
      return `${name}: no data for the newest bucket (${at}); the alert state is unchanged.`;
    case 'insufficient-history':
      return `${name}: no earlier week has the ${at} slot yet (${c.history.weeksAvailable} of ${MAX_HISTORY_WEEKS} weeks available); ${c.rule.kind} rules need at least one.`;
    case 'low-volume':
      return limits.kind === 'rise'
        ? `${name}: ${fmt(c, last.value)} at ${at} is below the volume floor of ${limits.floor}; nothing to alert on.`
        : `${name}: too little traffic to judge at ${at} (usual ${fmt(c, last.baseline)}, floor ${limits.floor}).`;
    case 'breach':
      return `${name}: ${observed(c, last)}${since(c)}; ${stillFiring(c, last)}.`;
    case 'healthy':
      return `${name}: ${observed(c, last)} at ${at}; ${trigger(c)}.`;
  }
}

function fmt(c: ReasonContext, v: number | null): string {
  return v === null ? 'unknown' : formatValue(v, c.limits.unit);
}

function observed(c: ReasonContext, b: JudgedBucket): string {
  if (c.limits.kind === 'below' || c.limits.kind === 'above') return `${fmt(c, b.value)}`;
  if (b.verdict === 'low-volume') return `${fmt(c, b.value)} (too little traffic to judge)`;
  const from = baselineSource(c);
  const change = b.deviationPct === null ? 'vs' : `${formatChange(b.deviationPct)} vs`;
  return `${fmt(c, b.value)}, ${change} usual ${fmt(c, b.baseline)}${from}`;
}

function baselineSource(c: ReasonContext): string {
  return c.baseline?.kind === 'baseline' ? ` (${describeBaseline(c.baseline)})` : '';
}

function since(c: ReasonContext): string {
  return c.detector.since ? ` since ${utcClock(c.detector.since)}` : ' (firing before this window)';
}

function stillFiring(c: ReasonContext, b: JudgedBucket): string {
  if (b.severe) return `fires at ${severeLevelText(c)} in one bucket`;
  if (b.verdict === 'breach') return `fires at ${fireLevel(c)} for ${c.counts.forBuckets} buckets`;
  return `still firing until ${clearLevel(c)} for ${c.counts.clearBuckets} buckets (or ${c.counts.quietBuckets} without a breach)`;
}

function trigger(c: ReasonContext): string {
  const severe =
    c.limits.severe !== undefined && c.counts.forBuckets > 1 ? `, or ${severeLevelText(c)} in one` : '';
  return `alerts at ${fireLevel(c)} for ${c.counts.forBuckets} bucket${c.counts.forBuckets === 1 ? '' : 's'}${severe}`;
}

/** "a drop of ≥ 80 %", "below 85.0 %": the level past which one bucket fires. */
function severeLevelText(c: ReasonContext): string {
  const level = c.limits.severe ?? c.limits.fire;
  return c.limits.kind === 'below'
    ? `below ${formatValue(level, c.limits.unit)}`
    : `a ${c.limits.kind} of ≥ ${level} %`;
}

function fireLevel(c: ReasonContext): string {
  const { kind, fire } = c.limits;
  if (kind === 'below') return `below ${formatValue(fire, c.limits.unit)}`;
  if (kind === 'above') return `above ${formatValue(fire, c.limits.unit)}`;
  return `a ${kind} of ≥ ${fire} %`;
}

function clearLevel(c: ReasonContext): string {
  const { kind, clear } = c.limits;
  if (kind === 'below') return `≥ ${formatValue(clear, c.limits.unit)}`;
  if (kind === 'above') return `≤ ${formatValue(clear, c.limits.unit)}`;
  return `a ${kind} of < ${clear} %`;
}
