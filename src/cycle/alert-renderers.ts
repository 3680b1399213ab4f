import { buildAlertCard, buildAlertDetailsCard } from '../cards/alert-card';
import { buildAlertsPausedCard } from '../cards/alert-paused-card';
import { buildStatusCard } from '../cards/status-card';
import type { IncidentGroup } from '../monitor/incident-groups';
import type { Rule } from '../monitor/rules';
import type { HealthIssue } from '../service-health/types';
import { digestHealthSection, type KnownHealth } from './digest-health';
import type { ChartPoint } from '../alerts/chart-store';
import type { AlertCards } from './types';

/** Microsoft's open issues on a tenant's service group, as last polled (none when unknown). */
export type OpenIssuesOf = (tenantId: string, service: string) => readonly HealthIssue[];

/**
 * The cards the monitor posts, with Microsoft's side: alert cards name Microsoft's open issues on the same service,
 * and the digest lists Microsoft's service health and open incidents, as `known` last polled them.
 */
export function alertCardsWith(openIssues: OpenIssuesOf, known: KnownHealth): AlertCards {
  return {
    ...alertCards,
    digest: ({ report, now, timeZone, locale }) =>
      buildStatusCard({
        report,
        now: new Date(now),
        timeZone,
        locale,
        health: digestHealthSection(known(report.tenantId), report, now),
      }),
    group: ({ group, charts, rules, now, timeZone, locale }) =>
      renderGroup({
        group,
        charts,
        rules,
        now,
        timeZone,
        locale,
        details: false,
        microsoft: openIssues?.(group.tenantId, group.service),
      }),
  };
}

/** The cards the monitor and the buttons post: one per incident group, its details view, the pause notice and the digest. */
export const alertCards: AlertCards = {
  group: ({ group, charts, rules, now, timeZone, locale }) =>
    renderGroup({ group, charts, rules, now, timeZone, locale, details: false }),
  paused: ({ sub, admins, reason, now }) =>
    buildAlertsPausedCard({
      tenantId: sub.tenantId,
      subscriptionScope: sub.scope,
      admins,
      reason,
      now: new Date(now),
      timeZone: sub.timeZone,
      locale: sub.locale,
    }),
  digest: ({ report, now, timeZone, locale }) =>
    buildStatusCard({ report, now: new Date(now), timeZone, locale }),
};

export function renderGroup(input: {
  group: IncidentGroup;
  charts: Record<string, ChartPoint[]>;
  rules?: Record<string, Rule>;
  now: number;
  timeZone?: string;
  locale?: string;
  details: boolean;
  /** Microsoft's open issues on the group's service, named on the card. */
  microsoft?: readonly HealthIssue[];
}): object {
  const card = {
    group: {
      key: input.group.key,
      tenantId: input.group.tenantId,
      service: input.group.service,
      incidents: input.group.members,
    },
    charts: input.charts,
    rules: input.rules,
    now: new Date(input.now),
    timeZone: input.timeZone ?? 'UTC',
    locale: input.locale ?? 'en-US',
    microsoft: input.microsoft,
  };
  return input.details ? buildAlertDetailsCard(card) : buildAlertCard(card);
}
