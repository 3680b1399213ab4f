import type { ServiceGroup } from '../domain/catalog-types';
import type { MessagesView } from '../service-health/reader';
import type { ServiceMessage } from '../service-health/types';
import { type AdaptiveCard, imBackAction, newCard, text } from './adaptive-card';
import { formatLocalTime, formatRelative, safeLocale, safeTimeZone } from './format';
import { adminCenterMessageUrl, categoryLabel, clip, messageInScope } from './health-text';

/** Posts listed at most. */
export const MAX_MESSAGES = 10;
const DAY = 86_400_000;

export interface MessagesCardInput {
  view: MessagesView;
  scope?: { group?: ServiceGroup; label: string };
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
}

function dateOnly(ms: number, tz: string, locale: string): string {
  return new Intl.DateTimeFormat(safeLocale(locale), {
    timeZone: tz,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(ms);
}

function messageBlock(m: ServiceMessage, now: Date, tz: string, locale: string): object {
  const actBy = m.actionRequiredBy ? Date.parse(m.actionRequiredBy) : undefined;
  const marks = [
    categoryLabel(m.category),
    ...(m.isMajorChange ? ['⚠️ Major change'] : []),
    ...(actBy !== undefined
      ? [
          `${actBy < now.getTime() ? 'Action was due' : '📅 Act by'} ${dateOnly(actBy, tz, locale)} (${formatRelative(actBy, now)})`,
        ]
      : []),
  ];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      text(`**${m.id}** · ${marks.join(' · ')}`, { size: 'Small', spacing: 'None' }),
      text(clip(m.title, 160), { weight: 'Bolder', spacing: 'Small' }),
      text(
        `${m.services.join(', ') || 'Microsoft 365'} · updated ${formatLocalTime(Date.parse(m.lastModifiedDateTime), now, tz, locale)}`,
        {
          size: 'Small',
          isSubtle: true,
          spacing: 'None',
        },
      ),
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.OpenUrl', title: `Read ${m.id}`, url: adminCenterMessageUrl(m.id) }],
      },
    ],
  };
}

/**
 * `messages [service]`: Message center posts. Major changes whose act-by date is still ahead come first (soonest
 * first), then the newest posts of the last 30 days; at most 10 in all.
 */
export function buildMessagesCard(input: MessagesCardInput): AdaptiveCard {
  const { view, now, scope } = input;
  const tz = safeTimeZone(input.timeZone);
  const { locale } = input;
  const mine = view.messages.filter((m) => messageInScope(m, scope));
  const due = mine
    .filter((m) => m.isMajorChange && m.actionRequiredBy && Date.parse(m.actionRequiredBy) >= now.getTime())
    .sort((a, b) => a.actionRequiredBy!.localeCompare(b.actionRequiredBy!));
  const recent = mine.filter(
    (m) => !due.includes(m) && now.getTime() - Date.parse(m.lastModifiedDateTime) < 30 * DAY,
  );
  const shown = [...due, ...recent].slice(0, MAX_MESSAGES);
  const body = [
    text(`Message center${scope ? `: ${scope.label}` : ''}`, { size: 'Medium', weight: 'Bolder' }),
    text(
      `${mine.length} post${mine.length === 1 ? '' : 's'} · ${due.length} major change${due.length === 1 ? '' : 's'} with an act-by date ahead${view.asOf ? ` · read ${formatRelative(Math.min(view.asOf, +now), now)}` : ''} · times in ${tz}`,
      { size: 'Small', isSubtle: true, spacing: 'None' },
    ),
    ...(view.staleReason
      ? [text(`⏳ Could not refresh: ${view.staleReason}`, { size: 'Small', color: 'Warning' })]
      : []),
    ...(shown.length
      ? shown.map((m) => messageBlock(m, now, tz, locale))
      : [text('No Message center posts in the last 30 days.')]),
  ];
  return newCard(body, [imBackAction('Refresh', `messages${scope ? ` ${scope.label.toLowerCase()}` : ''}`)]);
}
