import type { IssueDetail } from '../service-health/reader';
import { statusLabel } from '../service-health/statuses';
import { type AdaptiveCard, imBackAction, newCard, text } from './adaptive-card';
import { formatLocalTime, formatRelative, safeTimeZone } from './format';
import {
  adminCenterIssueUrl,
  classificationLabel,
  clip,
  issueStatusText,
  postTypeLabel,
  statusIcon,
} from './health-text';

/** Updates shown in full at most, newest first; older ones are counted. */
export const MAX_POSTS = 8;
/** Characters of one update's text at most (Microsoft's updates run to a few hundred words). */
export const MAX_POST_CHARS = 1200;

export interface IncidentCardInput {
  detail: IssueDetail;
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  /** Lines about the tenant's own telemetry on the affected services, when Pulse has any. */
  telemetry?: readonly string[];
}

/**
 * `incident <id>`: one Microsoft issue in full. Facts (service, feature, classification, status, start, end or last
 * update), the user impact, the status history Pulse saw, Microsoft's updates as a timeline (newest first), and a
 * link to the admin center.
 */
export function buildIncidentCard(input: IncidentCardInput): AdaptiveCard {
  const { detail, now } = input;
  const { issue, history } = detail;
  const tz = safeTimeZone(input.timeZone);
  const { locale } = input;
  const at = (iso: string) =>
    `${formatLocalTime(Date.parse(iso), now, tz, locale)} (${formatRelative(Date.parse(iso), now)})`;
  const posts = [...issue.posts].reverse();
  const shown = posts.slice(0, MAX_POSTS);
  const facts = [
    { title: 'Service', value: issue.service },
    ...(issue.feature ? [{ title: 'Feature', value: issue.feature }] : []),
    { title: 'Classification', value: classificationLabel(issue) },
    { title: 'Status', value: issueStatusText(issue) },
    { title: 'Started', value: at(issue.startDateTime) },
    issue.isResolved && issue.endDateTime
      ? { title: 'Ended', value: at(issue.endDateTime) }
      : { title: 'Last update', value: at(issue.lastModifiedDateTime) },
  ];
  const body = [
    text(`${statusIcon(issue.status, issue.isResolved)} ${issue.id}: ${clip(issue.title, 200)}`, {
      size: 'Medium',
      weight: 'Bolder',
      color: issue.isResolved ? 'Good' : issue.classification === 'incident' ? 'Attention' : 'Warning',
    }),
    text(`Reported by Microsoft · times in ${tz}`, { size: 'Small', isSubtle: true, spacing: 'None' }),
    { type: 'FactSet', facts },
    ...(issue.impactDescription
      ? [
          text('User impact', { weight: 'Bolder', spacing: 'Medium' }),
          text(issue.impactDescription, { spacing: 'Small' }),
        ]
      : []),
    ...(input.telemetry?.length
      ? [
          text('Your telemetry', { weight: 'Bolder', spacing: 'Medium' }),
          ...input.telemetry.map((l) => text(l, { spacing: 'Small' })),
        ]
      : []),
    ...(history.length
      ? [
          text('Status history', { weight: 'Bolder', spacing: 'Medium' }),
          text(
            history
              .map((h) => `${formatLocalTime(Date.parse(h.at), now, tz, locale)} ${statusLabel(h.status)}`)
              .join(' → '),
            { spacing: 'Small', size: 'Small' },
          ),
        ]
      : []),
    text(`Updates from Microsoft (${issue.posts.length})`, { weight: 'Bolder', spacing: 'Medium' }),
    ...(shown.length ? [] : [text('Microsoft has not posted an update yet.', { size: 'Small' })]),
    ...shown.map((p) => ({
      type: 'Container',
      separator: true,
      spacing: 'Small',
      items: [
        text(`**${postTypeLabel(p.type)}**, ${at(p.createdAt)}`, { size: 'Small' }),
        text(clip(p.text, MAX_POST_CHARS), { size: 'Small', spacing: 'Small' }),
      ],
    })),
    ...(posts.length > shown.length
      ? [
          text(`${posts.length - shown.length} earlier updates are in the admin center.`, {
            size: 'Small',
            isSubtle: true,
          }),
        ]
      : []),
  ];
  return newCard(body, [
    { type: 'Action.OpenUrl', title: 'Open in the admin center', url: adminCenterIssueUrl(issue.id) },
    imBackAction('Refresh', `incident ${issue.id}`),
    imBackAction('All incidents', 'incidents'),
  ]);
}
