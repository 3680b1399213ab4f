import type { DeadLetter } from '../delivery/dead-letters';
import { metricByFn, serviceById } from '../domain/catalog';
import { formatAuditEntry, type AuditEntry } from '../monitor/audit';
import type { Incident } from '../monitor/incident';
import { type AdaptiveCard, text } from './adaptive-card';
import { commandButtons, fittedCard, subtle, titleBlock } from './list-card';
import { formatLocalTime, spanText } from './format';

export interface AlertsView {
  /** Open incidents, newest first. */
  incidents: readonly Incident[];
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  /** Alert cards of the tenant the bot gave up delivering (in the span; for `alerts` the last 24 hours). */
  undelivered?: readonly DeadLetter[];
}

export interface HistoryView extends AlertsView {
  /** Incidents open in, opened in or resolved in the span, newest first. */
  incidents: readonly Incident[];
  /** Audit entries of the span, newest first. */
  audit: readonly AuditEntry[];
  /** "7 days". */
  label: string;
}

const STATE = {
  firing: '🔴 Firing',
  acknowledged: '🟠 Acknowledged',
  snoozed: '💤 Snoozed',
  resolved: '✅ Resolved',
} as const;

/** `alerts`: the tenant's open incidents, each with its state, since when and who acknowledged or snoozed it. */
export function buildAlertsCard(view: AlertsView): AdaptiveCard {
  const n = view.incidents.length;
  return fittedCard(
    [
      titleBlock(n ? `Open alerts (${n})` : 'No open alerts'),
      ...undeliveredBlock(view, 'in the last 24 hours'),
      ...(n ? [] : [text('✅ Nothing is firing in your tenant right now.', { spacing: 'Small' })]),
    ],
    view.incidents.map((i) => incidentItem(i, view)),
    [],
    commandButtons(['history', 'rules', 'status']),
    (left) => `and ${left} more open alerts`,
  );
}

/** `history [span]`: incidents with how long they lasted and who acknowledged them, then the audit lines. */
export function buildHistoryCard(view: HistoryView): AdaptiveCard {
  const incidents = view.incidents.map((i) => incidentItem(i, view));
  const changes = view.audit.map((e) => [subtle(formatAuditEntry(e), { spacing: 'Small' })]);
  const changesHead: object[][] = [[text('**Changes and actions** (times in UTC)', { spacing: 'Large' })]];
  return fittedCard(
    [
      titleBlock(`Alert history: last ${view.label}`),
      text(
        `${view.incidents.length} alert${view.incidents.length === 1 ? '' : 's'}, ${view.audit.length} recorded ` +
          `change${view.audit.length === 1 ? '' : 's'} or action${view.audit.length === 1 ? '' : 's'}.`,
        { spacing: 'Small' },
      ),
      ...undeliveredBlock(view, `in the last ${view.label}`),
    ],
    [...incidents, ...(changes.length ? [...changesHead, ...changes] : [])],
    [],
    commandButtons(['alerts', 'rules', 'history 30d']),
    (left) => `and ${left} more lines (try a shorter span, e.g. \`history 24h\`)`,
  );
}

/** A warning that alert cards could not be delivered: how many, the latest and why; nothing when none. */
function undeliveredBlock(view: AlertsView, span: string): object[] {
  const letters = view.undelivered ?? [];
  if (letters.length === 0) return [];
  const [latest] = letters;
  const many = letters.length > 1;
  return [
    text(
      `⚠️ ${letters.length} alert card${many ? 's' : ''} could not be delivered ${span} (latest at ` +
        `${formatLocalTime(latest.deadAt, view.now, view.timeZone, view.locale)}: ${latest.reason}). ` +
        `The next change of ${many ? 'each of these alerts' : 'this alert'} is sent again.`,
      { color: 'Attention', spacing: 'Small' },
    ),
  ];
}

function incidentItem(i: Incident, view: AlertsView): object[] {
  const metric = metricByFn(i.fn);
  const service = serviceById(metric?.service ?? i.service)?.name ?? i.service;
  const when = (iso: string) => formatLocalTime(Date.parse(iso), view.now, view.timeZone, view.locale);
  const end = i.resolvedAt ? Date.parse(i.resolvedAt) : view.now.getTime();
  const lasted = i.resolvedAt
    ? `lasted ${spanText(end - Date.parse(i.openedAt))}`
    : `for ${spanText(end - Date.parse(i.openedAt))}`;
  const who = [
    i.ackBy && i.ackAt ? `acknowledged by ${i.ackBy.name} at ${when(i.ackAt)}` : '',
    i.state === 'snoozed' && i.snoozedUntil
      ? `snoozed until ${when(i.snoozedUntil)}${i.snoozedBy ? ` by ${i.snoozedBy.name}` : ''}`
      : '',
    i.resolvedBy ? `resolved by ${i.resolvedBy.name}` : '',
    i.muted ? `rule muted by ${i.muted.by.name}` : '',
  ].filter(Boolean);
  return [
    text(`**${metric?.name ?? i.fn}** · ${service}`, { spacing: 'Medium' }),
    subtle(
      `${STATE[i.state]} · opened ${when(i.openedAt)}, ${lasted}${who.length ? ` · ${who.join(' · ')}` : ''}`,
    ),
  ];
}
