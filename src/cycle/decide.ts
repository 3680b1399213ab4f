import type { Series } from '../domain/series';
import { evaluationEvent, type EvaluationEvent } from '../monitor/alert-events';
import { transition } from '../monitor/alert-state';
import type { Transition } from '../monitor/alert-effects';
import { evaluate, type Evaluation } from '../monitor/evaluate-rule';
import { incidentKey, isOpen, type Incident } from '../monitor/incident';
import { cardGroups, type IncidentGroup } from '../monitor/incident-groups';
import { isQuietAt, quietEndsAt } from '../monitor/quiet-hours';
import { fnsInScope } from '../monitor/rule-scope';
import type { Rule } from '../monitor/rules';
import type { ChartPoint } from '../alerts/chart-store';
import type { WatchedConversation } from './types';

/** What the cycle concluded about one rule. */
export interface RuleDecision {
  rule: Rule;
  /** The incident's store key (tenant, rule, metric). */
  key: string;
  evaluation: Evaluation;
  event: EvaluationEvent;
  /** The lifecycle step on the incident as listed; the persist stage re-applies the event to the stored one. */
  step: Transition;
  /** False when the step changes nothing: a quiet rule costs no write. */
  changes: boolean;
}

/**
 * Stage 3, pure: evaluates every rule whose metric was fetched and applies the lifecycle to the incident listed
 * under its key. `known` maps incident keys to the incidents listed before the cycle.
 */
export function decideTransitions(input: {
  tenantId: string;
  now: number;
  rules: readonly Rule[];
  series: ReadonlyMap<string, Series[]>;
  known: ReadonlyMap<string, Incident>;
  settleMinutes: number;
}): RuleDecision[] {
  const out: RuleDecision[] = [];
  for (const rule of input.rules) {
    const s = input.series.get(rule.fn);
    if (!s) continue;
    const key = incidentKey(input.tenantId, rule.id, rule.fn);
    const stored = input.known.get(key);
    const evaluation = evaluate(rule, {
      current: s[0],
      history: s.slice(1),
      now: input.now,
      firing: isOpen(stored),
      settleMinutes: input.settleMinutes,
    });
    const event = evaluationEvent(rule, evaluation);
    const step = transition(stored, event, input.now);
    const changes = step.incident !== stored || step.effects.some((e) => e.kind !== 'none');
    out.push({ rule, key, evaluation, event, step, changes });
  }
  return out;
}

/** The chart points of each evaluated metric: value against baseline, as the card draws them. */
export function chartsOf(decisions: readonly RuleDecision[]): Record<string, ChartPoint[]> {
  const charts: Record<string, ChartPoint[]> = {};
  for (const d of decisions)
    charts[d.rule.fn] = d.evaluation.buckets.map((b) => ({ t: b.t, v: b.value, baseline: b.baseline }));
  return charts;
}

/** One incident group's card for one conversation, held until the conversation's quiet hours end. */
export interface CardToSend {
  conversationId: string;
  group: IncidentGroup;
  charts: Record<string, ChartPoint[]>;
  rules: Record<string, Rule>;
  timeZone: string;
  locale: string;
  holdUntil?: number;
}

/**
 * Stage 3, pure: the card of every incident group with a member the cycle touched, once for each conversation
 * subscribed to one of the group's metrics. `incidents` is the tenant's list after the persist stage.
 */
export function decideCards(input: {
  incidents: readonly Incident[];
  touched: ReadonlySet<string>;
  subs: readonly WatchedConversation[];
  rules: readonly Rule[];
  charts: Record<string, ChartPoint[]>;
  now: number;
  keepResolvedMs?: number;
}): CardToSend[] {
  const rules = Object.fromEntries(input.rules.map((r) => [r.id, r]));
  const out: CardToSend[] = [];
  for (const group of cardGroups(input.incidents, input.now, input.keepResolvedMs)) {
    if (!group.members.some((m) => input.touched.has(m.id))) continue;
    const charts = Object.fromEntries(group.members.map((m) => [m.fn, input.charts[m.fn] ?? []]));
    for (const sub of input.subs) {
      if (!group.members.some((m) => fnsInScope(sub.scope).includes(m.fn))) continue;
      const holdUntil =
        sub.quiet && isQuietAt(sub.quiet, input.now) ? quietEndsAt(sub.quiet, input.now) : undefined;
      const { timeZone, locale } = sub;
      out.push({ conversationId: sub.conversationId, group, charts, rules, timeZone, locale, holdUntil });
    }
  }
  return out;
}
