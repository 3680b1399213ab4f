import { HOUR_MS, MINUTE_MS } from '../domain/time';
import type { Incident, IncidentState } from './incident';

/** Incidents of one tenant's service that broke together: shown as one grouped card. */
export interface IncidentGroup {
  /** `tenant|service|openedAt of the first member`: stable while members join. */
  key: string;
  tenantId: string;
  service: string;
  openedAt: string;
  /** The most urgent member state: firing, then acknowledged, then snoozed, then resolved. */
  state: IncidentState;
  /** Oldest first. */
  members: Incident[];
}

const URGENCY: Record<IncidentState, number> = { firing: 0, acknowledged: 1, snoozed: 2, resolved: 3 };

/**
 * Groups incidents by tenant and service: an incident joins a group when it opened while a member was still open,
 * or within one cycle (`cycleMinutes`, default 5) after the group's last member resolved. Single incidents form
 * groups of one, so every incident is in exactly one group. Groups are ordered by when they opened.
 */
export function groupIncidents(incidents: readonly Incident[], cycleMinutes = 5): IncidentGroup[] {
  const sorted = [...incidents].sort(
    (a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt) || cmp(a.id, b.id),
  );
  const open = new Map<string, { group: IncidentGroup; until: number }>();
  const groups: IncidentGroup[] = [];
  for (const incident of sorted) {
    const scope = `${incident.tenantId}|${incident.service}`;
    const opened = Date.parse(incident.openedAt);
    const ends = incident.resolvedAt ? Date.parse(incident.resolvedAt) : Infinity;
    const current = open.get(scope);
    if (current && opened <= current.until + cycleMinutes * MINUTE_MS) {
      current.group.members.push(incident);
      current.until = Math.max(current.until, ends);
      if (URGENCY[incident.state] < URGENCY[current.group.state]) current.group.state = incident.state;
      continue;
    }
    const group: IncidentGroup = {
      key: `${scope}|${incident.openedAt}`,
      tenantId: incident.tenantId,
      service: incident.service,
      openedAt: incident.openedAt,
      state: incident.state,
      members: [incident],
    };
    groups.push(group);
    open.set(scope, { group, until: ends });
  }
  return groups;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Incident groups that have (or had, within `keepMs`) a card: the same grouping wherever a card is rebuilt. */
export function cardGroups(
  incidents: readonly Incident[],
  now: number,
  keepMs = 24 * HOUR_MS,
): IncidentGroup[] {
  return groupIncidents(
    incidents.filter(
      (i) =>
        i.cardPosted && (i.state !== 'resolved' || now - Date.parse(i.resolvedAt ?? i.openedAt) < keepMs),
    ),
  );
}
