import type { BucketBaseline } from './baseline';
import type { Limits } from './thresholds';

/**
 * What one complete bucket says about a rule: `breach` (past the fire level), `band` (between fire and clear:
 * hysteresis), `clear`, `low-volume` (too little traffic to judge), `no-data` (gap), `insufficient-history`
 * (`drop`/`rise` with no baseline for this slot).
 */
export type BucketVerdict = 'breach' | 'band' | 'clear' | 'low-volume' | 'no-data' | 'insufficient-history';

/** One judged bucket: the card chart draws `value` against `baseline`. */
export interface JudgedBucket {
  /** Bucket start, ISO. */
  t: string;
  value: number | null;
  baseline: number | null;
  /** (value − baseline) / baseline in %, signed; null without a positive baseline. */
  deviationPct: number | null;
  verdict: BucketVerdict;
}

/** Judges one bucket against a rule's limits; `value` is undefined for a gap. */
export function judgeBucket(
  limits: Limits,
  t: string,
  value: number | undefined,
  baseline: BucketBaseline,
): JudgedBucket {
  const b = baseline.kind === 'baseline' ? baseline.value : null;
  const deviationPct = value !== undefined && b !== null && b > 0 ? ((value - b) / b) * 100 : null;
  const out = (verdict: BucketVerdict): JudgedBucket => ({
    t,
    value: value ?? null,
    baseline: b,
    deviationPct,
    verdict,
  });
  if (value === undefined) return out('no-data');
  switch (limits.kind) {
    case 'below':
      return out(value < limits.fire ? 'breach' : value >= limits.clear ? 'clear' : 'band');
    case 'above':
      return out(value > limits.fire ? 'breach' : value <= limits.clear ? 'clear' : 'band');
    case 'drop': {
      if (b === null) return out('insufficient-history');
      if (b <= 0 || b < limits.floor) return out('low-volume');
      const drop = ((b - value) / b) * 100;
      return out(drop >= limits.fire ? 'breach' : drop < limits.clear ? 'clear' : 'band');
    }
    case 'rise': {
      if (b === null) return out('insufficient-history');
      if (value < limits.floor) return out('low-volume');
      const rise = ((value - b) / Math.max(b, 1)) * 100;
      return out(rise >= limits.fire ? 'breach' : rise < limits.clear ? 'clear' : 'band');
    }
  }
}
