import type { Incident } from './incident';

/** What changed on a card, so the notifier can word an update (or skip a values-only refresh if it must). */
export type CardChange = 'state' | 'values' | 'mute';

/** What the I/O layer must do after a transition. */
export type AlertEffect =
  | { kind: 'post-card'; incidentId: string }
  | { kind: 'update-card'; incidentId: string; changes: CardChange[] }
  | { kind: 'none'; reason: string };

/** The lifecycle's answer: the incident to store (undefined: nothing to store) and what to do. */
export interface Transition {
  incident: Incident | undefined;
  effects: AlertEffect[];
}

/** No effect, with the reason (shown to a user whose action changed nothing, and in logs). */
export function nothing(incident: Incident | undefined, reason: string): Transition {
  return { incident, effects: [{ kind: 'none', reason }] };
}

/** The next revision of an incident, with a history entry; a change to `undefined` removes the field. */
export function revise(
  incident: Incident,
  changes: Partial<Incident>,
  entry?: Incident['history'][number],
): Incident {
  const history = entry ? [...incident.history, entry] : incident.history;
  const next: Incident = { ...incident, ...changes, history, version: incident.version + 1 };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete next[k as keyof Incident];
  return next;
}

/**
 * The card effect for a changed incident: post a card if none was posted yet (and the incident is still open),
 * otherwise update it. Marks the card as posted.
 */
export function showCard(incident: Incident, changes: CardChange[]): Transition {
  if (incident.cardPosted)
    return { incident, effects: [{ kind: 'update-card', incidentId: incident.id, changes }] };
  if (incident.state === 'resolved') return nothing(incident, 'resolved before any card was posted');
  return {
    incident: { ...incident, cardPosted: true },
    effects: [{ kind: 'post-card', incidentId: incident.id }],
  };
}
