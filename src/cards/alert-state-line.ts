import type { Incident, IncidentState } from '../monitor/incident';
import { formatLocalTime } from './format';

/** Look of each incident state: icon, TextBlock colour, Container style. Snoozed is grey (subtle). */
export const INCIDENT_LOOK: Readonly<
  Record<IncidentState, { icon: string; color: string; style: string; subtle?: boolean }>
> = {
  firing: { icon: '🔴', color: 'Attention', style: 'attention' },
  acknowledged: { icon: '🟠', color: 'Warning', style: 'warning' },
  snoozed: { icon: '💤', color: 'Default', style: 'emphasis', subtle: true },
  resolved: { icon: '✅', color: 'Good', style: 'good' },
};

/** A span for people: `under a minute`, `45 min`, `1 h 5 min`, `3 h`, `1 day 3 h`, `2 days`. */
export function formatDuration(ms: number): string {
  const mins = Math.floor(Math.max(0, ms) / 60_000);
  if (mins < 1) return 'under a minute';
  if (mins < 60) return `${mins} min`;
  if (mins < 1440) return `${Math.floor(mins / 60)} h${mins % 60 ? ` ${mins % 60} min` : ''}`;
  const days = Math.floor(mins / 1440);
  const hours = Math.floor((mins % 1440) / 60);
  return `${days} day${days === 1 ? '' : 's'}${hours ? ` ${hours} h` : ''}`;
}

/**
 * The state sentence of an incident in the user's zone: `Firing, not acknowledged yet`, `Acknowledged by Adele at
 * 14:05`, `Snoozed until 18:05 by Adele`, `Resolved at 15:10 after 1 h 5 min` (`Resolved by Adele at …` by hand).
 */
export function stateLine(incident: Incident, now: Date, timeZone: string, locale: string): string {
  const at = (iso: string) => formatLocalTime(Date.parse(iso), now, timeZone, locale);
  switch (incident.state) {
    case 'firing':
      return 'Firing, not acknowledged yet';
    case 'acknowledged':
      return `Acknowledged by ${incident.ackBy?.name ?? 'someone'}${incident.ackAt ? ` at ${at(incident.ackAt)}` : ''}`;
    case 'snoozed': {
      const until = incident.snoozedUntil ? ` until ${at(incident.snoozedUntil)}` : '';
      return `Snoozed${until} by ${incident.snoozedBy?.name ?? 'someone'}`;
    }
    case 'resolved': {
      const end = incident.resolvedAt ?? incident.lastBreachAt;
      const by = incident.resolvedBy ? ` by ${incident.resolvedBy.name}` : '';
      return `Resolved${by} at ${at(end)} after ${formatDuration(Date.parse(end) - Date.parse(incident.openedAt))}`;
    }
  }
}

/** `13:20 (1 h 5 min ago)` while open; `13:20 to 15:10` once resolved. */
export function sinceText(incident: Incident, now: Date, timeZone: string, locale: string): string {
  const opened = Date.parse(incident.openedAt);
  const start = formatLocalTime(opened, now, timeZone, locale);
  if (incident.state === 'resolved' && incident.resolvedAt)
    return `${start} to ${formatLocalTime(Date.parse(incident.resolvedAt), now, timeZone, locale)}`;
  return `${start} (${formatDuration(+now - opened)} ago)`;
}

/** `🔕 Rule muted by Adele at 14:10: …` when the incident's rule is muted; undefined otherwise. */
export function mutedLine(
  muted: Incident['muted'],
  now: Date,
  timeZone: string,
  locale: string,
): string | undefined {
  if (!muted) return undefined;
  const at = formatLocalTime(Date.parse(muted.at), now, timeZone, locale);
  return `🔕 Rule muted by ${muted.by.name} at ${at}: Pulse keeps evaluating it, but new values no longer change this card until the rule is unmuted.`;
}
