import type { AlertStores } from './alert-stores';
import { auditEntryFor } from '../monitor/audit';
import { transition } from '../monitor/alert-state';
import type { UserAction } from '../monitor/alert-events';
import type { Actor } from '../monitor/actor';
import { cardGroups, type IncidentGroup } from '../monitor/incident-groups';
import type { Incident } from '../monitor/incident';
import type { ChartStore, ChartPoint } from './chart-store';
import type { IncidentRepository } from './incident-repository';
import type { Outbox } from '../delivery/outbox';
import { fnsInScope } from '../monitor/rule-scope';
import { readerOfSubscription, type Subscription } from './subscription';

/** What a pressed alert button asks for; ids come from the card, so they are checked against the store. */
export interface AlertButton {
  verb: string;
  tenantId: string;
  incidentIds: string[];
  minutes?: number;
  /** Where the button was pressed: the card returned to it is formatted as that conversation subscribed. */
  conversationId?: string;
}

export interface AlertActionDeps {
  incidents: IncidentRepository;
  stores: AlertStores;
  charts: ChartStore;
  outbox: Outbox;
  render(input: {
    group: IncidentGroup;
    charts: Record<string, ChartPoint[]>;
    details: boolean;
    now: number;
    timeZone: string;
    locale: string;
  }): object;
}

export type AlertActionResult = { ok: true; card: object } | { ok: false; reason: string };

/**
 * Acknowledge, snooze, mute or show details of an incident (or a group) from its card. The lifecycle decides the new
 * state; the change is stored, audited with who and when, and the card is rebuilt and queued as an update in every
 * conversation subscribed to it (so everyone sees "Acknowledged by Adele at 14:05"); the card is also returned to
 * answer the button at once. The caller has checked that the user may act (an admin for that service group).
 */
export async function actOnAlert(
  button: AlertButton,
  by: Actor,
  now: number,
  deps: AlertActionDeps,
): Promise<AlertActionResult> {
  const all = await deps.incidents.list(button.tenantId);
  const chosen = all.filter((i) => button.incidentIds.includes(i.id));
  if (chosen.length === 0)
    return { ok: false, reason: 'This alert is no longer stored; it may have been resolved long ago.' };
  const action = userActionOf(button, by);
  if (action) {
    for (const incident of chosen) {
      const step = await deps.incidents.apply(button.tenantId, incident.key, (current) =>
        current && current.id === incident.id
          ? transition(current, action, now)
          : { incident: current, effects: [] },
      );
      if (step.incident)
        await deps.stores.audit.append(auditEntryFor(step.incident, action, new Date(now).toISOString()));
      if (action.type === 'mute')
        await deps.stores.rules.mute(button.tenantId, incident.ruleId, by, new Date(now).toISOString());
    }
  }
  const fresh = await deps.incidents.list(button.tenantId);
  const group = cardGroups(fresh, now).find((g) => g.members.some((m) => button.incidentIds.includes(m.id)));
  if (!group) return { ok: false, reason: 'This alert is no longer stored.' };
  const charts = await deps.charts.load(
    button.tenantId,
    group.members.map((m) => m.fn),
  );
  const subs = (await deps.stores.subscriptions.inTenant(group.tenantId)).filter((s) =>
    group.members.some((m: Incident) => fnsInScope(s.scope).includes(m.fn)),
  );
  const here = subs.find((s) => s.conversationId === button.conversationId);
  const reader = here ? readerOfSubscription(here) : { locale: 'en-US', timeZone: 'UTC' };
  const card = deps.render({ group, charts, details: button.verb === 'alert.details', now, ...reader });
  if (action) await queueEverywhere(group, charts, now, subs, deps);
  return { ok: true, card };
}

function userActionOf(button: AlertButton, by: Actor): UserAction | undefined {
  switch (button.verb) {
    case 'alert.ack':
      return { type: 'acknowledge', by };
    case 'alert.snooze':
      return { type: 'snooze', by, minutes: button.minutes ?? 60 };
    case 'alert.mute':
      return { type: 'mute', by };
    default:
      return undefined;
  }
}

/**
 * The updated card goes to every conversation subscribed to a member's metric, replacing the message in place, each
 * formatted for that conversation's subscription (the first one, when several cover the group).
 */
async function queueEverywhere(
  group: IncidentGroup,
  charts: Record<string, ChartPoint[]>,
  now: number,
  subs: readonly Subscription[],
  deps: AlertActionDeps,
) {
  const conversations = new Map(subs.map((s) => [s.conversationId, s]));
  for (const [conversationId, sub] of conversations) {
    const card = deps.render({ group, charts, details: false, now, ...readerOfSubscription(sub) });
    await deps.outbox.enqueue({ tenantId: group.tenantId, conversationId, cardKey: group.key, card });
  }
}
