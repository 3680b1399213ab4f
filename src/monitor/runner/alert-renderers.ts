import { buildAlertCard, buildAlertDetailsCard } from '../../cards/alert-card';
import { buildAlertsPausedCard } from '../../cards/alert-paused-card';
import type { IncidentGroup } from '../incident-groups';
import type { Rule } from '../rules';
import type { ChartPoint } from './chart-store';
import type { AlertCards } from './types';

/** The alert cards the monitor and the buttons post: one per incident group, its details view, and the pause notice. */
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
};

export function renderGroup(input: {
  group: IncidentGroup;
  charts: Record<string, ChartPoint[]>;
  rules?: Record<string, Rule>;
  now: number;
  timeZone?: string;
  locale?: string;
  details: boolean;
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
  };
  return input.details ? buildAlertDetailsCard(card) : buildAlertCard(card);
}
