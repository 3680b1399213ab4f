import { metricByFn } from '../domain/catalog';
import { isoMs, isoSeconds } from '../domain/buckets';
import { MINUTE_MS } from '../domain/time';
import type { Series } from '../domain/series';
import { baselineAt, indexHistory } from './baseline';
import { initialDetector, stepDetector, type DetectorState } from './firing-state';
import { reasonFor, type EvaluationState } from './evaluation-reason';
import { judgeBucket, type JudgedBucket } from './bucket-verdict';
import type { Rule } from './rules';
import { clearBucketsFor, quietBucketsFor, ruleLimits } from './thresholds';

export type { EvaluationState };

/** Inputs of one evaluation; all plain data, `now` included. */
export interface EvaluateInput {
  /** The rule's metric over a recent window (6 hours is plenty), at the polling interval. */
  current: Series;
  /** The same window shifted back 7·k days, k = 1–4; fewer weeks or none is allowed. */
  history: readonly Series[];
  /** Epoch ms. Buckets that end after `now − settleMinutes` are incomplete and ignored. */
  now: number;
  /** An incident for this rule is open: the replay starts firing, so hysteresis spans windows. Default false. */
  firing?: boolean;
  /** Minutes to wait after a bucket ends before judging it (late-arriving data). Default 0. */
  settleMinutes?: number;
  /** Span of `buckets` returned for the card chart. Default 360 (6 hours). */
  chartMinutes?: number;
}

/** The evaluator's verdict, with the newest complete bucket's numbers and the recent buckets for a chart. */
export interface Evaluation {
  state: EvaluationState;
  /** Newest complete bucket; null when it is a gap. */
  value: number | null;
  baseline: number | null;
  deviationPct: number | null;
  /** Weeks back (1–4) the newest bucket's baseline came from; absent without one. */
  baselineWeeks?: number[];
  /** Start of the first bucket of the breach that fired; only while `state` is `breach`. */
  breachingSince?: string;
  /** Start of the newest complete bucket; null when the window has none. */
  asOf: string | null;
  /** Complete buckets of the last `chartMinutes`, oldest first, each with its baseline and verdict. */
  buckets: JudgedBucket[];
  /** One sentence for the card and logs. */
  reason: string;
}

/**
 * Judges a rule: every complete bucket of `current` is compared with its level or seasonal baseline, and a small
 * detector replays them oldest first (fire after `forBuckets` breaches in a row, resolve with hysteresis). The
 * state is the detector's at the newest complete bucket, except that a gap or missing baseline there reports
 * `no-data` / `insufficient-history` (they neither fire nor resolve). See docs/alerts.md "Detection".
 */
export function evaluate(rule: Rule, input: EvaluateInput): Evaluation {
  const { current } = input;
  if (current.fn !== rule.fn)
    throw new Error(`evaluate: the series is for ${current.fn}, the rule watches ${rule.fn}.`);
  const metric = metricByFn(rule.fn);
  const limits = ruleLimits(rule);
  const history = indexHistory(current, input.history);
  const judged = completeBuckets(current, input.now - (input.settleMinutes ?? 0) * MINUTE_MS).map(
    ({ ms, t, v }) => judgeBucket(limits, t, v, baselineAt(history, ms)),
  );
  const counts = {
    forBuckets: rule.forBuckets,
    clearBuckets: clearBucketsFor(rule),
    quietBuckets: quietBucketsFor(rule),
    lowVolumeIsClear: rule.kind === 'rise',
  };
  const detector = judged.reduce<DetectorState>(
    (s, b) => stepDetector(s, b, counts),
    initialDetector(!!input.firing),
  );
  const last = judged[judged.length - 1];
  const state = stateOf(detector, last);
  const chartCount = Math.max(1, Math.floor((input.chartMinutes ?? 360) / current.intervalMinutes));
  const evaluation: Evaluation = {
    state,
    value: last?.value ?? null,
    baseline: last?.baseline ?? null,
    deviationPct: last?.deviationPct ?? null,
    asOf: last?.t ?? null,
    buckets: judged.slice(-chartCount),
    reason: '',
  };
  const baseline = last ? baselineAt(history, isoMs(last.t)) : undefined;
  if (baseline?.kind === 'baseline') evaluation.baselineWeeks = baseline.weeks;
  if (state === 'breach' && detector.since) evaluation.breachingSince = detector.since;
  const name = metric?.name ?? rule.fn;
  evaluation.reason = reasonFor({ rule, name, limits, state, last, detector, counts, history, baseline });
  return evaluation;
}

function stateOf(detector: DetectorState, last: JudgedBucket | undefined): EvaluationState {
  if (!last || last.verdict === 'no-data') return 'no-data';
  if (last.verdict === 'insufficient-history') return 'insufficient-history';
  if (detector.firing) return 'breach';
  return last.verdict === 'low-volume' ? 'low-volume' : 'healthy';
}

/** Buckets of the window that ended by `limit` (epoch ms), oldest first; `v` is undefined for a gap. */
function completeBuckets(series: Series, limit: number): { ms: number; t: string; v: number | undefined }[] {
  const size = series.intervalMinutes * MINUTE_MS;
  const points = new Map(series.points.map((p) => [isoMs(p.t), p]));
  const end = Math.min(Date.parse(series.end), limit);
  const out: { ms: number; t: string; v: number | undefined }[] = [];
  for (let ms = Date.parse(series.start); ms + size <= end; ms += size) {
    const p = points.get(ms);
    out.push({ ms, t: p?.t ?? isoSeconds(ms), v: p?.v });
  }
  return out;
}
