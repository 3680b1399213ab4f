import { metricByFn } from '../domain/catalog';
import type { Actor } from './actor';
import type { Evaluation } from './evaluate-rule';
import type { Rule } from './rules';

/** An evaluator result reduced to what the lifecycle needs. */
export interface EvaluationEvent {
  type: 'evaluation';
  result: 'breach' | 'healthy' | 'no-data';
  tenantId: string;
  ruleId: string;
  fn: string;
  service: string;
  value: number | null;
  baseline: number | null;
  /** The rule's mute, if muted: state still changes, cards do not. */
  muted?: { by: Actor; at: string };
  /** The evaluator's reason, kept in history notes. */
  reason: string;
}

/** Snooze lengths offered on cards, in minutes (1 h, 4 h, 24 h); any 1–1,440 is accepted. */
export const SNOOZE_CHOICES = [60, 240, 1440] as const;

/** A person acting on an incident card or by command. */
export type UserAction =
  | { type: 'acknowledge'; by: Actor; note?: string }
  | { type: 'snooze'; by: Actor; minutes: number; note?: string }
  | { type: 'unsnooze'; by: Actor }
  | { type: 'mute'; by: Actor; note?: string }
  | { type: 'unmute'; by: Actor }
  | { type: 'resolve'; by: Actor; note?: string };

export type AlertEvent = EvaluationEvent | UserAction;

/**
 * The lifecycle event for an evaluation: `breach` fires or continues; `healthy` and `low-volume` resolve (nothing
 * to alarm on); `no-data` and `insufficient-history` hold the current state.
 */
export function evaluationEvent(rule: Rule, evaluation: Evaluation): EvaluationEvent {
  const result =
    evaluation.state === 'breach'
      ? 'breach'
      : evaluation.state === 'healthy' || evaluation.state === 'low-volume'
        ? 'healthy'
        : 'no-data';
  const event: EvaluationEvent = {
    type: 'evaluation',
    result,
    tenantId: rule.tenantId,
    ruleId: rule.id,
    fn: rule.fn,
    service: metricByFn(rule.fn)?.service ?? 'unknown',
    value: evaluation.value,
    baseline: evaluation.baseline,
    reason: evaluation.reason,
  };
  if (rule.muted) event.muted = rule.muted;
  return event;
}
