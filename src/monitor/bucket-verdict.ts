import type { BucketBaseline } from './baseline';
import { NOISE_Z, type Limits } from './thresholds';

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
  /** A `breach` past the rule's severe level (`Limits.severe`): it fires on its own. */
  severe?: boolean;
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
      if (limits.severe !== undefined && value < limits.severe) return { ...out('breach'), severe: true };
      return out(value < limits.fire ? 'breach' : value >= limits.clear ? 'clear' : 'band');
    case 'above':
      return out(value > limits.fire ? 'breach' : value <= limits.clear ? 'clear' : 'band');
    case 'drop': {
      if (b === null) return out('insufficient-history');
      if (b <= 0 || b < limits.floor) return out('low-volume');
      const drop = ((b - value) / b) * 100;
      if (limits.severe !== undefined && drop >= limits.severe) return { ...out('breach'), severe: true };
      return out(drop >= limits.fire ? 'breach' : drop < limits.clear ? 'clear' : 'band');
    }
    case 'rise': {
      if (b === null) return out('insufficient-history');
      if (value < limits.floor) return out('low-volume');
      const rise = ((value - b) / Math.max(b, 1)) * 100;
      if (rise >= limits.fire && limits.unit === 'count' && !significantRise(value, b)) return out('band');
      return out(rise >= limits.fire ? 'breach' : rise < limits.clear ? 'clear' : 'band');
    }
  }
}

/**
 * Whether a rise of event counts is more than noise: the difference of two Poisson counts has variance value +
 * baseline, and it must reach `NOISE_Z` standard deviations. At 5-minute buckets a usual level of 9 (the median of
 * four weeks of ~13) against a bucket of 20 is a +122 % "rise" of 1.9 σ; a sixfold spike on a usual 5 is 4.1 σ.
 * Not significant is `band`: neither evidence of trouble nor of recovery.
 */
function significantRise(value: number, baseline: number): boolean {
  return value - baseline >= NOISE_Z * Math.sqrt(value + baseline);
}
