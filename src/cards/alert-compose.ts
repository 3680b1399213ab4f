import type { IncidentState } from '../monitor/incident';
import { alertButtons } from './alert-buttons';
import {
  groupKeyOf,
  incidentContext,
  serviceName,
  type AlertCardInput,
  type IncidentContext,
} from './alert-input';
import { byUrgency, footerBlock, headerBlock, incidentBlocks, timelineBlock } from './alert-sections';
import { formatDuration, INCIDENT_LOOK, stateLine } from './alert-state-line';
import { DETAILS_HISTORY, mergedHistory, TIMELINE_ENTRIES } from './alert-timeline';
import { type AdaptiveCard, fullWidthIfWide, newCard, text } from './adaptive-card';
import { cardBytes, MAX_CARD_BYTES } from './card-size';
import { formatLocalTime, safeTimeZone } from './format';
import { microsoftIssueBlocks } from './health-correlation';

/** The alert card or the fuller details card. */
export type AlertView = 'card' | 'details';

/** How much chart a card carries: x values per chart, and how many members get a chart (the rest sparklines). */
export interface AlertLayout {
  chartPoints: number;
  charts: number;
}

/** Bytes kept free under `MAX_CARD_BYTES` for the activity envelope. */
export const ALERT_HEADROOM = 1024;

/**
 * The first layout of `ladder` whose card fits `MAX_CARD_BYTES − ALERT_HEADROOM`; the last one when none does.
 * Ladders go from full charts to fewer points, fewer charts and sparklines only.
 */
export function fitAlertCard(
  input: AlertCardInput,
  view: AlertView,
  ladder: readonly AlertLayout[],
): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const layout of ladder) {
    card = fullWidthIfWide(composeAlertCard(input, view, layout));
    if (cardBytes(card) <= MAX_CARD_BYTES - ALERT_HEADROOM) return card;
  }
  if (!card) throw new Error('fitAlertCard: the ladder has no layout.');
  return card;
}

/** One card for the group: an incident card for one member, a grouped card for several. */
export function composeAlertCard(input: AlertCardInput, view: AlertView, layout: AlertLayout): AdaptiveCard {
  const { group } = input;
  if (!group.incidents.length) throw new Error('buildAlertCard: the group has no incidents.');
  const tz = safeTimeZone(input.timeZone);
  const { locale } = input;
  const contexts = [...group.incidents]
    .sort(byUrgency)
    .map((i) => incidentContext(i, input.rules, input.intervalMinutes));
  const history = mergedHistory(contexts.map((c) => ({ incident: c.incident, name: c.metric.name })));
  const timeline = {
    now: input.now,
    timeZone: tz,
    locale,
    limit: view === 'card' ? TIMELINE_ENTRIES : DETAILS_HISTORY,
    named: contexts.length > 1,
    withNotes: view === 'details',
  };
  const details = view === 'details' ? ' · details' : '';
  if (contexts.length === 1) {
    const [c] = contexts;
    const body = [
      headerBlock(c.incident.state, `${serviceName(group.service)} alert${details}`, c.metric.name, [
        stateLine(c.incident, input.now, tz, locale),
        ...(view === 'details' && c.metric.description ? [c.metric.description] : []),
      ]),
      ...microsoftIssueBlocks(input.microsoft ?? []),
      ...incidentBlocks(c, input.charts?.[c.incident.fn], chartLayout(layout, 0), input.now, tz, locale),
      ...timelineBlock(view === 'card' ? 'Timeline' : 'History', history, timeline),
      footerBlock(
        input.now,
        tz,
        locale,
        c.incident.occurrence > 1 ? `occurrence ${c.incident.occurrence} of this rule` : undefined,
      ),
    ];
    return newCard(body, alertButtons({ kind: 'incident', incident: c.incident }, view));
  }
  const body = [
    groupHeader(contexts, group.service, input.now, tz, locale, details),
    ...microsoftIssueBlocks(input.microsoft ?? []),
    ...contexts.map((c, i) => ({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        text(`${INCIDENT_LOOK[c.incident.state].icon} ${c.metric.name}`, { weight: 'Bolder' }),
        text(stateLine(c.incident, input.now, tz, locale), {
          size: 'Small',
          spacing: 'None',
          color: INCIDENT_LOOK[c.incident.state].color,
        }),
        ...(view === 'details' && c.metric.description
          ? [text(c.metric.description, { size: 'Small', isSubtle: true, spacing: 'Small' })]
          : []),
        ...incidentBlocks(c, input.charts?.[c.incident.fn], chartLayout(layout, i), input.now, tz, locale),
      ],
    })),
    ...timelineBlock(view === 'card' ? 'Timeline' : 'History', history, timeline),
    footerBlock(input.now, tz, locale),
  ];
  const target = {
    kind: 'group' as const,
    groupKey: groupKeyOf(group),
    tenantId: group.tenantId,
    incidents: contexts.map((c) => c.incident),
  };
  return newCard(body, alertButtons(target, view));
}

function chartLayout(layout: AlertLayout, index: number) {
  return { chart: index < layout.charts && layout.chartPoints > 0, maxPoints: layout.chartPoints };
}

/** `🔴 Microsoft Teams: 3 metrics breaching`, the members' states counted, and since when (or how long it lasted). */
function groupHeader(
  contexts: IncidentContext[],
  service: string,
  now: Date,
  tz: string,
  locale: string,
  details: string,
): object {
  const incidents = contexts.map((c) => c.incident);
  const state = incidents[0].state;
  const open = incidents.filter((i) => i.state !== 'resolved').length;
  const n = incidents.length;
  const name = serviceName(service);
  const title =
    open === n
      ? `${name}: ${n} metrics breaching`
      : open === 0
        ? `${name}: ${n} metrics back to normal`
        : `${name}: ${open} of ${n} metrics still breaching`;
  const counts = (['firing', 'acknowledged', 'snoozed', 'resolved'] as IncidentState[])
    .map((s) => [s, incidents.filter((i) => i.state === s).length] as const)
    .filter(([, k]) => k > 0)
    .map(([s, k]) => `${k} ${s}`)
    .join(' · ');
  const opened = Math.min(...incidents.map((i) => Date.parse(i.openedAt)));
  const at = (ms: number) => formatLocalTime(ms, now, tz, locale);
  const ended = Math.max(...incidents.map((i) => Date.parse(i.resolvedAt ?? i.lastBreachAt)));
  const when =
    open === 0
      ? `Resolved at ${at(ended)} after ${formatDuration(ended - opened)}`
      : `Since ${at(opened)} (${formatDuration(+now - opened)} ago)`;
  return headerBlock(state, `${name} · ${n} alerts grouped${details}`, title, [counts, when]);
}
