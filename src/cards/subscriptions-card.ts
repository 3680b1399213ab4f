import type { Subscription } from '../alerts/subscription';
import { microsoftIssuesOf, microsoftIssuesText, scopeLabel } from '../alerts/subscription';
import { type AdaptiveCard, text } from './adaptive-card';
import { commandButtons, fittedCard, subtle, titleBlock } from './list-card';
import { formatLocalTime } from './format';

export interface SubscriptionsView {
  /** Where the command was sent: names the place in the title. */
  conversationScope: 'personal' | 'groupChat' | 'channel';
  /** This conversation's subscriptions, oldest first. */
  subscriptions: readonly Subscription[];
  /** How many other conversations of the tenant have subscriptions. */
  elsewhere: number;
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
}

const PLACE = { personal: 'this chat', groupChat: 'this chat', channel: 'this channel' } as const;

/** What this conversation is subscribed to: scope, since when, by whom; its quiet hours, digest and any pause. */
export function buildSubscriptionsCard(view: SubscriptionsView): AdaptiveCard {
  const place = PLACE[view.conversationScope];
  const subs = view.subscriptions;
  const others =
    view.elsewhere > 0
      ? `${view.elsewhere} other conversation${view.elsewhere === 1 ? '' : 's'} of your tenant also get alerts.`
      : 'No other conversation of your tenant gets alerts.';
  if (!subs.length) {
    return fittedCard(
      [
        titleBlock(`Alert subscriptions in ${place}`),
        text(`Nothing yet: ${place} gets no alerts. ${others}`),
      ],
      [],
      [
        subtle('`subscribe` alone covers every service with the default rules; admins only.', {
          spacing: 'Small',
        }),
      ],
      commandButtons(['subscribe all', 'help subscribe']),
      () => '',
    );
  }
  const first = subs[0];
  const head = [
    titleBlock(`Alert subscriptions in ${place}`),
    ...pausedBlock(
      subs.find((s) => s.paused),
      view,
    ),
    {
      type: 'FactSet',
      facts: [
        {
          title: 'Quiet hours',
          value: first.quiet ? quietText(first.quiet) : 'none (`quiet 22:00-07:00` sets them)',
        },
        {
          title: 'Daily digest',
          value: first.digest ? digestText(first.digest, view) : 'none (`digest daily 09:00`)',
        },
      ],
    },
  ];
  const items = subs.map((s) => [
    text(`**${scopeLabel(s.scope)}**`, { spacing: 'Medium' }),
    subtle(
      `since ${formatLocalTime(Date.parse(s.createdAt), view.now, view.timeZone, view.locale)} · by ${s.createdBy.name} · ` +
        `Microsoft's issues: ${microsoftIssuesText(microsoftIssuesOf(s))}`,
    ),
  ]);
  return fittedCard(
    head,
    items,
    [subtle(`${others} Rules are shared by your tenant: \`rules\` lists them.`, { spacing: 'Medium' })],
    commandButtons(['rules', 'alerts', 'history']),
    (left) => `and ${left} more`,
  );
}

function quietText(q: NonNullable<Subscription['quiet']>): string {
  return `${q.from}–${q.to} ${q.timeZone}: alerts wait and are posted when quiet hours end`;
}

function digestText(d: NonNullable<Subscription['digest']>, view: SubscriptionsView): string {
  const last = d.lastSentAt
    ? `, last sent ${formatLocalTime(Date.parse(d.lastSentAt), view.now, view.timeZone, view.locale)}`
    : '';
  return `daily at ${d.at} ${d.timeZone}${last}`;
}

function pausedBlock(s: Subscription | undefined, view: SubscriptionsView): object[] {
  if (!s?.paused) return [];
  const who = s.paused.admins.length ? ` Sign-in needed again from: ${s.paused.admins.join(', ')}.` : '';
  return [
    text(
      `⏸ Alerts are paused since ${formatLocalTime(Date.parse(s.paused.since), view.now, view.timeZone, view.locale)}: ` +
        `${s.paused.reason}.${who}`,
      { color: 'Warning', spacing: 'Small' },
    ),
  ];
}
