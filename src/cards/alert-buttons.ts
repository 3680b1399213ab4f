import { SNOOZE_CHOICES } from '../monitor/alert-events';
import type { Incident } from '../monitor/incident';
import { executeAction, text } from './adaptive-card';

/** Action.Execute verbs of alert cards; the handler maps them to the lifecycle's user actions. */
export const ALERT_VERBS = {
  ack: 'alert.ack',
  snooze: 'alert.snooze',
  mute: 'alert.mute',
  /** Answers with the details card (longer chart, full history). */
  details: 'alert.details',
  /** From the details card back to the alert card; changes nothing. */
  summary: 'alert.summary',
} as const;

export type AlertVerb = (typeof ALERT_VERBS)[keyof typeof ALERT_VERBS];

/**
 * Data of a button on a one-incident card. No property is named `key`: the Agents Playground's web client (and any
 * client on the same React stack) throws "Cannot assign to read only property 'key'" and sends nothing.
 */
export interface IncidentActionData {
  incidentId: string;
  /** The incident's dedup key (tenant|rule|function), for reading the card data; the handler acts on `incidentId`. */
  incidentKey: string;
  tenantId: string;
  /** Only on `alert.snooze`: 60, 240 or 1440. */
  minutes?: number;
}

/** Data of a button on a grouped card: the members the button acts on (open ones for ack/snooze/mute). */
export interface GroupActionData {
  groupKey: string;
  incidentIds: string[];
  tenantId: string;
  /** Only on `alert.snooze`. */
  minutes?: number;
}

export type AlertActionData = IncidentActionData | GroupActionData;

/** What the buttons of a card act on: one incident, or a group's members. */
export type ButtonTarget =
  | { kind: 'incident'; incident: Incident }
  | { kind: 'group'; groupKey: string; tenantId: string; incidents: readonly Incident[] };

/** `1 hour`, `4 hours`, `24 hours`: labels of the snooze choices. */
export function snoozeLabel(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `${hours} hour${hours === 1 ? '' : 's'}` : `${minutes} minutes`;
}

/**
 * The buttons of an alert or details card. Resolved: only Details (or Summary on the details card). Acknowledged:
 * no Acknowledge. A muted rule: no Mute. Snooze opens a choice of 1 h, 4 h and 24 h.
 */
export function alertButtons(target: ButtonTarget, view: 'card' | 'details' = 'card'): object[] {
  const all = target.kind === 'incident' ? [target.incident] : target.incidents;
  const open = all.filter((i) => i.state !== 'resolved');
  const group = target.kind === 'group';
  const data = (members: readonly Incident[]): AlertActionData =>
    target.kind === 'incident'
      ? {
          incidentId: target.incident.id,
          incidentKey: target.incident.key,
          tenantId: target.incident.tenantId,
        }
      : { groupKey: target.groupKey, incidentIds: members.map((i) => i.id), tenantId: target.tenantId };
  const actions: object[] = [];
  const ackable = open.filter((i) => i.state === 'firing' || (i.state === 'snoozed' && !i.ackBy));
  if (ackable.length)
    actions.push(executeAction(group ? 'Acknowledge all' : 'Acknowledge', ALERT_VERBS.ack, data(ackable)));
  if (open.length) actions.push(snoozeChoice(data(open), group));
  const mutable = open.filter((i) => !i.muted);
  if (mutable.length)
    actions.push(executeAction(group ? 'Mute these rules' : 'Mute rule', ALERT_VERBS.mute, data(mutable)));
  actions.push(
    view === 'card'
      ? executeAction('Details', ALERT_VERBS.details, data(all))
      : executeAction('Back to summary', ALERT_VERBS.summary, data(all)),
  );
  return actions;
}

function snoozeChoice(data: AlertActionData, group: boolean): object {
  return {
    type: 'Action.ShowCard',
    title: group ? 'Snooze all…' : 'Snooze…',
    card: {
      type: 'AdaptiveCard',
      body: [
        text('Hold updates for how long? If it still breaches when the snooze ends, it fires again.', {
          size: 'Small',
        }),
      ],
      actions: SNOOZE_CHOICES.map((minutes) =>
        executeAction(snoozeLabel(minutes), ALERT_VERBS.snooze, { ...data, minutes }),
      ),
    },
  };
}

/**
 * The alert button data of an inbound card action, checked and in today's shape, or undefined when it is not alert
 * data. Cards posted before the rename carry `key` instead of `incidentKey`; they keep working and the old name is
 * never sent again (the refused card's "Back to the alert" reuses this data).
 */
export function readAlertActionData(raw: unknown): AlertActionData | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const data = raw as Record<string, unknown>;
  if (typeof data.tenantId !== 'string') return undefined;
  const minutes = typeof data.minutes === 'number' ? { minutes: data.minutes } : {};
  if (Array.isArray(data.incidentIds) && typeof data.groupKey === 'string')
    return {
      groupKey: data.groupKey,
      incidentIds: data.incidentIds.map(String),
      tenantId: data.tenantId,
      ...minutes,
    };
  if (typeof data.incidentId !== 'string') return undefined;
  const incidentKey = typeof data.incidentKey === 'string' ? data.incidentKey : data.key;
  return {
    incidentId: data.incidentId,
    incidentKey: typeof incidentKey === 'string' ? incidentKey : '',
    tenantId: data.tenantId,
    ...minutes,
  };
}

/** The incidents a button acts on. */
export function incidentIdsOf(data: AlertActionData): string[] {
  return 'incidentIds' in data ? data.incidentIds : [data.incidentId];
}
