import type { JudgedBucket } from './bucket-verdict';

/** The detector's memory while it replays judged buckets oldest first. */
export interface DetectorState {
  firing: boolean;
  /** Start of the first bucket of the breach run that fired (or, for a replay that began firing, the first seen). */
  since?: string;
  breachRun: number;
  /** Start of the current breach run. */
  runStart?: string;
  clearRun: number;
  /** Non-breaching judged buckets in a row (clear or band). */
  quietRun: number;
}

/** How many buckets it takes to fire and to resolve. */
export interface DetectorCounts {
  forBuckets: number;
  clearBuckets: number;
  quietBuckets: number;
  /** `rise` rules: a bucket too small to judge is itself evidence of health, so it counts as clear. */
  lowVolumeIsClear: boolean;
}

/** A detector that has seen nothing yet; `firing` when an incident for the rule is already open. */
export function initialDetector(firing: boolean): DetectorState {
  return { firing, breachRun: 0, clearRun: 0, quietRun: 0 };
}

/**
 * One step: `forBuckets` breaches in a row fire, and so does one severe breach; a firing detector resolves after `clearBuckets` clear buckets in a
 * row or `quietBuckets` non-breaching ones. Gaps, missing history and unjudgeable low volume break every run (they
 * are neither evidence of trouble nor of recovery), so state survives them unchanged.
 */
export function stepDetector(s: DetectorState, b: JudgedBucket, c: DetectorCounts): DetectorState {
  const verdict = b.verdict === 'low-volume' && c.lowVolumeIsClear ? 'clear' : b.verdict;
  switch (verdict) {
    case 'breach': {
      const runStart = s.breachRun === 0 ? b.t : s.runStart;
      const breachRun = s.breachRun + 1;
      const fires = s.firing || breachRun >= c.forBuckets || !!b.severe;
      const since = fires ? (s.since ?? runStart) : undefined;
      return { firing: fires, since, breachRun, runStart, clearRun: 0, quietRun: 0 };
    }
    case 'clear':
    case 'band': {
      const clearRun = verdict === 'clear' ? s.clearRun + 1 : 0;
      const quietRun = s.quietRun + 1;
      const resolves = s.firing && (clearRun >= c.clearBuckets || quietRun >= c.quietBuckets);
      const firing = s.firing && !resolves;
      return { firing, since: firing ? s.since : undefined, breachRun: 0, clearRun, quietRun };
    }
    default:
      return { firing: s.firing, since: s.since, breachRun: 0, clearRun: 0, quietRun: 0 };
  }
}
