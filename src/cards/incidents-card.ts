import type { ServiceGroup } from '../domain/catalog-types';
import type { HealthView } from '../service-health/reader';
import type { HealthIssue } from '../service-health/types';
import { type AdaptiveCard, imBackAction, newCard, text } from './adaptive-card';
import { formatLocalTime, formatRelative, safeTimeZone } from './format';
import { classificationLabel, clip, issueInScope, issueStatusText, statusIcon } from './health-text';

/** Open issues listed in full at most; the rest are counted. */
export const MAX_LISTED_ISSUES = 12;
/** Issues resolved within this span are listed after the open ones. */
const RECENT_RESOLVED_MS = 7 * 86_400_000;
const MAX_RESOLVED = 5;

export interface IncidentsCardInput {
  view: HealthView;
  /** Only issues of this service (see issueInScope). */
  scope?: { group?: ServiceGroup; label: string };
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
}

function issueBlock(issue: HealthIssue, now: Date, tz: string, locale: string): object {
  const started = Date.parse(issue.startDateTime);
  const updated = Date.parse(issue.lastModifiedDateTime);
  return {
    type: 'Container',
    spacing: 'Medium',
    separator: true,
    items: [
      text(
        `${statusIcon(issue.status, issue.isResolved)} **${issue.id}** · ${classificationLabel(issue)} · ${issueStatusText(issue)}`,
        { spacing: 'None' },
      ),
      text(clip(issue.title, 160), { weight: 'Bolder', spacing: 'Small' }),
      text(
        `${issue.service}${issue.feature ? ` · ${issue.feature}` : ''} · started ${formatLocalTime(started, now, tz, locale)} ` +
          `(${formatRelative(started, now)}) · last update ${formatLocalTime(updated, now, tz, locale)}`,
        { size: 'Small', isSubtle: true, spacing: 'Small' },
      ),
      { type: 'ActionSet', actions: [imBackAction(`Details of ${issue.id}`, `incident ${issue.id}`)] },
    ],
  };
}

/**
 * `incidents [service]`: Microsoft's open incidents, then open advisories, each with id, classification, status,
 * title, service, start and last update and a Details button; then what was resolved in the last 7 days.
 */
export function buildIncidentsCard(input: IncidentsCardInput): AdaptiveCard {
  const { view, now, scope } = input;
  const tz = safeTimeZone(input.timeZone);
  const { locale } = input;
  const mine = view.issues.filter((i) => issueInScope(i.service, scope));
  const open = mine.filter((i) => !i.isResolved);
  const ordered = [
    ...open.filter((i) => i.classification === 'incident'),
    ...open.filter((i) => i.classification !== 'incident'),
  ];
  const shown = ordered.slice(0, MAX_LISTED_ISSUES);
  const resolved = mine
    .filter(
      (i) =>
        i.isResolved &&
        now.getTime() - Date.parse(i.endDateTime ?? i.lastModifiedDateTime) < RECENT_RESOLVED_MS,
    )
    .slice(0, MAX_RESOLVED);
  const incidents = open.filter((i) => i.classification === 'incident').length;
  const summary = open.length
    ? `${incidents} open incident${incidents === 1 ? '' : 's'}, ${open.length - incidents} open advisor${open.length - incidents === 1 ? 'y' : 'ies'}.`
    : `No open incidents or advisories from Microsoft${scope ? ` for ${scope.label}` : ''}.`;
  const small = { size: 'Small', isSubtle: true, spacing: 'None' };
  const body = [
    text(`Microsoft 365 service health${scope ? `: ${scope.label}` : ''}`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
    text(
      `As reported by Microsoft${view.asOf ? `, read ${formatLocalTime(view.asOf, now, tz, locale)} (${formatRelative(Math.min(view.asOf, +now), now)})` : ''} · times in ${tz}`,
      small,
    ),
    ...(view.staleReason
      ? [text(`⏳ Could not refresh: ${view.staleReason}`, { size: 'Small', color: 'Warning' })]
      : []),
    text(summary, { spacing: 'Small' }),
    ...shown.map((i) => issueBlock(i, now, tz, locale)),
    ...(ordered.length > shown.length
      ? [
          text(`…and ${ordered.length - shown.length} more open issues; name a service to narrow the list.`, {
            size: 'Small',
          }),
        ]
      : []),
    ...(resolved.length
      ? [
          text('Resolved in the last 7 days', { weight: 'Bolder', spacing: 'Large' }),
          ...resolved.map((i) =>
            text(
              `✅ **${i.id}** ${clip(i.title, 100)} (${i.service}, ended ${formatLocalTime(Date.parse(i.endDateTime ?? i.lastModifiedDateTime), now, tz, locale)})`,
              { size: 'Small', spacing: 'Small' },
            ),
          ),
        ]
      : []),
  ];
  const again = `incidents${scope ? ` ${scope.label.toLowerCase()}` : ''}`;
  return newCard(body, [imBackAction('Refresh', again), imBackAction("Pulse's own alerts", 'alerts')]);
}
