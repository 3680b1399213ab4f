import type { Actor } from './actor';
import type { UserAction } from './alert-events';
import type { Incident } from './incident';
import { durationLabel } from './format';

/** Everything a person can do that changes alerting, as recorded in the per-tenant audit log. */
export type AuditAction =
  | 'acknowledge'
  | 'snooze'
  | 'unsnooze'
  | 'mute'
  | 'unmute'
  | 'resolve'
  | 'rule-create'
  | 'rule-update'
  | 'rule-delete'
  | 'subscribe'
  | 'unsubscribe'
  | 'quiet-hours'
  | 'digest';

/** One audit line: who did what to which incident or rule, and when. */
export interface AuditEntry {
  tenantId: string;
  /** ISO instant. */
  at: string;
  by: Actor;
  action: AuditAction;
  /** What was acted on: an incident id, a rule id, a conversation. */
  target: string;
  /** Free text such as "for 4 hours" or a note; may be empty. */
  detail: string;
}

const VERBS: Record<AuditAction, string> = {
  acknowledge: 'acknowledged',
  snooze: 'snoozed',
  unsnooze: 'unsnoozed',
  mute: 'muted',
  unmute: 'unmuted',
  resolve: 'resolved',
  'rule-create': 'created rule',
  'rule-update': 'changed rule',
  'rule-delete': 'deleted rule',
  subscribe: 'subscribed',
  unsubscribe: 'unsubscribed',
  'quiet-hours': 'set quiet hours for',
  digest: 'set the digest for',
};

/**
 * `2026-11-27 09:14 UTC · Ana Lopez acknowledged contoso|default:mail-delivery|…#1 (looking into it)`. Names and
 * details are flattened to one line and trimmed to 200 characters, so a crafted display name cannot forge lines.
 */
export function formatAuditEntry(e: AuditEntry): string {
  const when = `${e.at.slice(0, 10)} ${e.at.slice(11, 16)} UTC`;
  const detail = e.detail ? ` (${oneLine(e.detail)})` : '';
  return `${when} · ${oneLine(e.by.name) || e.by.id} ${VERBS[e.action]} ${oneLine(e.target)}${detail}`;
}

function oneLine(s: string): string {
  // Control characters are exactly what must go: line breaks and terminal escapes in names or notes.
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** The audit entry for a person's action on an incident (record it only when the transition changed something). */
export function auditEntryFor(incident: Incident, action: UserAction, at: string): AuditEntry {
  const detail =
    action.type === 'snooze'
      ? [`for ${durationLabel(action.minutes)}`, action.note].filter(Boolean).join(', ')
      : ('note' in action && action.note) || '';
  return { tenantId: incident.tenantId, at, by: action.by, action: action.type, target: incident.id, detail };
}
