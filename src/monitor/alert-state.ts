import { isoSeconds } from '../domain/buckets';
import { nothing, revise, showCard, type CardChange, type Transition } from './alert-effects';
import type { AlertEvent, EvaluationEvent } from './alert-events';
import { applyUserAction } from './alert-actions';
import { incidentKey, type Incident } from './incident';

export { groupIncidents, type IncidentGroup } from './incident-groups';

/**
 * The alert lifecycle as a pure function: the stored incident for a rule (or undefined), one event and the time in,
 * the incident to store and the card effects out. Evaluations open, update and resolve incidents; user actions
 * acknowledge, snooze, mute and resolve them. A muted rule changes state but produces no effects; a person's action
 * always updates the card they acted on. Rules of the table: docs/alerts.md "Lifecycle".
 */
export function transition(incident: Incident | undefined, event: AlertEvent, now: number): Transition {
  if (event.type === 'evaluation') return onEvaluation(incident, event, now);
  return applyUserAction(incident, event, now);
}

function onEvaluation(incident: Incident | undefined, e: EvaluationEvent, now: number): Transition {
  const key = incidentKey(e.tenantId, e.ruleId, e.fn);
  if (incident && incident.key !== key)
    throw new Error(`transition: event for ${key} applied to ${incident.key}.`);
  if (!incident || incident.state === 'resolved') return whileClosed(incident, e, now);
  const at = isoSeconds(now);
  const changes: CardChange[] = [];
  let next = incident;
  if (!!e.muted !== !!next.muted) {
    next = e.muted
      ? revise(next, { muted: e.muted }, { at, by: e.muted.by, action: 'muted', note: 'rule muted' })
      : revise(next, { muted: undefined }, { at, action: 'unmuted', note: 'rule unmuted' });
    if (!e.muted) changes.push('mute');
  }
  if (next.state === 'snoozed' && now >= Date.parse(next.snoozedUntil!) && e.result !== 'healthy') {
    const note =
      e.result === 'breach' ? 'still breaching when the snooze ended' : 'snooze ended without fresh data';
    next = revise(next, { state: 'firing' }, { at, action: 'snooze-ended', note });
    changes.push('state');
  }
  if (e.result === 'healthy') {
    next = revise(next, { state: 'resolved', resolvedAt: at }, { at, action: 'resolved', note: e.reason });
    changes.push('state');
  } else if (e.result === 'breach') {
    const moved = e.value !== next.value || e.baseline !== next.baseline;
    next = revise(next, { lastBreachAt: at, value: e.value, baseline: e.baseline });
    if (moved) changes.push('values');
  }
  if (!changes.length)
    return nothing(next, e.result === 'no-data' ? 'no data: state held' : 'nothing changed');
  if (e.muted) return nothing(next, `rule muted by ${e.muted.by.name}`);
  if (next.state === 'snoozed' && !changes.includes('state') && !changes.includes('mute'))
    return nothing(next, `snoozed until ${next.snoozedUntil}`);
  return showCard(next, changes);
}

/** No open incident: a breach opens one (the next occurrence), unless a manual resolve awaits recovery. */
function whileClosed(closed: Incident | undefined, e: EvaluationEvent, now: number): Transition {
  if (closed?.awaitingRecovery) {
    if (e.result === 'healthy')
      return nothing(revise(closed, { awaitingRecovery: false }), 'recovered after a manual resolve');
    if (e.result === 'breach')
      return nothing(closed, `resolved by hand while breaching; waiting for recovery`);
  }
  if (e.result !== 'breach') return nothing(closed, `no open incident (${e.result})`);
  const key = incidentKey(e.tenantId, e.ruleId, e.fn);
  const occurrence = (closed?.occurrence ?? 0) + 1;
  const at = isoSeconds(now);
  const opened: Incident = {
    key,
    id: `${key}#${occurrence}`,
    occurrence,
    tenantId: e.tenantId,
    ruleId: e.ruleId,
    fn: e.fn,
    service: e.service,
    state: 'firing',
    openedAt: at,
    lastBreachAt: at,
    value: e.value,
    baseline: e.baseline,
    cardPosted: false,
    history: [{ at, action: 'opened', note: e.reason }],
    version: 1,
  };
  if (e.muted) return nothing({ ...opened, muted: e.muted }, `rule muted by ${e.muted.by.name}`);
  return showCard(opened, ['state']);
}
