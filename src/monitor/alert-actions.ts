import { isoSeconds } from '../domain/buckets';
import { MINUTE_MS } from '../domain/time';
import { nothing, revise, showCard, type Transition } from './alert-effects';
import type { UserAction } from './alert-events';
import { utcClock } from './format';
import type { Incident } from './incident';

/** Longest snooze, in minutes (24 h). */
export const MAX_SNOOZE_MINUTES = 1440;

/**
 * A person's action on an incident. Actions on a resolved (or missing) incident change nothing and say why; the
 * others always update the card the person acted on, even for a muted rule.
 */
export function applyUserAction(incident: Incident | undefined, a: UserAction, now: number): Transition {
  if (!incident) return nothing(undefined, 'there is no incident to act on');
  if (incident.state === 'resolved')
    return nothing(incident, `already resolved at ${utcClock(incident.resolvedAt!)}`);
  const at = isoSeconds(now);
  const note = ('note' in a && a.note) || '';
  switch (a.type) {
    case 'acknowledge': {
      if (incident.state === 'acknowledged')
        return nothing(incident, `already acknowledged by ${incident.ackBy?.name}`);
      const next = revise(
        incident,
        { state: 'acknowledged', ackBy: a.by, ackAt: at, snoozedUntil: undefined, snoozedBy: undefined },
        { at, by: a.by, action: 'acknowledged', note },
      );
      return showCard(next, ['state']);
    }
    case 'snooze': {
      if (!(Number.isInteger(a.minutes) && a.minutes >= 1 && a.minutes <= MAX_SNOOZE_MINUTES))
        return nothing(incident, `a snooze lasts 1 to ${MAX_SNOOZE_MINUTES} minutes, got ${a.minutes}`);
      const until = isoSeconds(now + a.minutes * MINUTE_MS);
      const entry = { at, by: a.by, action: 'snoozed' as const, note: note || `until ${until}` };
      return showCard(revise(incident, { state: 'snoozed', snoozedUntil: until, snoozedBy: a.by }, entry), [
        'state',
      ]);
    }
    case 'unsnooze': {
      if (incident.state !== 'snoozed') return nothing(incident, 'not snoozed');
      const state = incident.ackBy ? 'acknowledged' : 'firing';
      const next = revise(
        incident,
        { state, snoozedUntil: undefined, snoozedBy: undefined },
        { at, by: a.by, action: 'unsnoozed', note: '' },
      );
      return showCard(next, ['state']);
    }
    case 'mute': {
      if (incident.muted) return nothing(incident, `already muted by ${incident.muted.by.name}`);
      const next = revise(incident, { muted: { by: a.by, at } }, { at, by: a.by, action: 'muted', note });
      return showCard(next, ['mute']);
    }
    case 'unmute': {
      if (!incident.muted) return nothing(incident, 'not muted');
      return showCard(revise(incident, { muted: undefined }, { at, by: a.by, action: 'unmuted', note: '' }), [
        'mute',
      ]);
    }
    case 'resolve': {
      const next = revise(
        incident,
        { state: 'resolved', resolvedAt: at, resolvedBy: a.by, awaitingRecovery: true },
        { at, by: a.by, action: 'resolved', note },
      );
      return showCard(next, ['state']);
    }
  }
}
