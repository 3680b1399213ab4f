import { serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { StatusReport } from '../graph/metrics-reader';
import type { SeriesPoint } from '../domain/series';
import type { StaleNote } from '../graph/metrics-reader';
import { type AdaptiveCard, executeAction, fullWidthIfWide, newCard, text } from './adaptive-card';
import { cardBytes, MAX_CARD_BYTES } from './card-size';
import { downsample } from './downsample';
import {
  axisLabeller,
  formatDataAge,
  formatLocalTime,
  formatRelative,
  formatValue,
  safeTimeZone,
} from './format';
import { staleLines } from './stale-text';
import { countsLine, statusGroups, type StatusGroup, type StatusRow } from './status-rows';
import { groupSection } from './status-table';
import { chartSummary, lineChart, sparkFallback, uniqueLabels } from './trend-chart';

/** Degraded metrics that get a trend chart at most, size permitting. */
export const MAX_STATUS_CHARTS = 2;
/** Degraded metrics described at the top at most; the rest are marked in their tables. */
export const MAX_ATTENTION = 6;
/** Points per status trend chart at most. */
export const STATUS_CHART_POINTS = 48;
/** Bytes kept free when adding charts, for the activity envelope and later additions (board refresh). */
const CHART_HEADROOM = 1024;

/** The living-board parts of a status card: who auto-refreshes and when it was last refreshed. */
export interface BoardOptions {
  /** Users whose Teams clients refresh the card automatically (`29:…` or `8:orgid:…`); 60 are kept at most. */
  userIds: readonly string[];
  /** When the shown data was fetched; default the report's `asOf`. */
  refreshedAt?: Date;
}

export interface StatusCardInput {
  report: StatusReport;
  /** Recent points per Graph function, for sparklines and the charts of degraded metrics. */
  trends?: Record<string, SeriesPoint[]>;
  /** Only this service group. */
  service?: ServiceGroup;
  now: Date;
  /** IANA zone of the user, e.g. `Europe/Berlin`; unknown zones fall back to UTC. */
  timeZone: string;
  /** BCP 47 locale of the user (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  board?: BoardOptions;
  /** Fresh data is on its way (> 5 s): show a subtle "Updating…" line and keep the numbers. */
  updating?: boolean;
  /** Microsoft's service health part (see status-health.ts), shown between the summary and the group tables. */
  health?: readonly object[];
  /**
   * The tenant has no telemetry Pulse may read (not eligible, or no permission for any group): this one note
   * replaces the metric summary and tables, and the card shows service health only.
   */
  telemetryNote?: string;
}

/** Teams lets at most 60 users have a user-specific (auto-refreshed) view of a card. */
export const MAX_REFRESH_USERS = 60;

/**
 * The status card: summary, degraded metrics first with trend charts where they fit, one compact table per service
 * group, the data's age, Refresh and per-group Details buttons. With `board`, the channel board variant.
 */
export function buildStatusCard(input: StatusCardInput): AdaptiveCard {
  const card = composeStatusCard(input, input.trends !== undefined);
  // Sparklines are the first thing to give up when a card with every metric would not fit.
  if (input.trends && cardBytes(card) > MAX_CARD_BYTES - CHART_HEADROOM)
    return fullWidthIfWide(composeStatusCard(input, false));
  return fullWidthIfWide(card);
}

function composeStatusCard(input: StatusCardInput, withTrends: boolean): AdaptiveCard {
  const { report, now, service, board, locale } = input;
  const tz = safeTimeZone(input.timeZone);
  const groups = statusGroups(report, withTrends ? input.trends : undefined, locale, service);
  const rows = groups.flatMap((g) => g.rows);
  const counts: StatusGroup['counts'] = {};
  for (const r of rows) counts[r.state.kind] = (counts[r.state.kind] ?? 0) + 1;
  const dataEnd = Date.parse(report.latestCompleteBucket) + report.intervalMinutes * 60_000;
  const age = formatDataAge(dataEnd, now, tz, locale);
  const stale = rows.flatMap((r) => (r.status.ok && r.status.stale ? [r.status.stale as StaleNote] : []));
  const degraded = rows.filter((r) => r.state.kind === 'degraded');
  const attention = degraded.length ? attentionBlock(degraded) : undefined;
  const refreshedAt = board?.refreshedAt ?? new Date(report.asOf);
  const small = { size: 'Small', isSubtle: true, spacing: 'None' };
  const body = [
    text(`${service ? (serviceById(service)?.name ?? service) : 'Microsoft 365'} status`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
    text(
      `${age[0].toUpperCase()}${age.slice(1)} · ${report.intervalMinutes}-minute buckets · times in ${tz}`,
      small,
    ),
    ...(board
      ? [
          text(
            `Last refreshed ${formatLocalTime(refreshedAt, now, tz, locale)} (${formatRelative(refreshedAt, now)})`,
            small,
          ),
        ]
      : []),
    ...(input.updating ? [text('Updating…', small)] : []),
    ...(input.telemetryNote
      ? [text(`ℹ️ ${input.telemetryNote}`, { spacing: 'Small' }), ...(input.health ?? [])]
      : [
          text(countsLine(counts) || 'No metrics in this report.', { spacing: 'Small' }),
          ...staleLines(stale, now, tz, locale).map((l) =>
            text(`⏳ ${l}`, { size: 'Small', color: 'Warning' }),
          ),
          ...(attention ? [attention.container] : []),
          ...(input.health ?? []),
          ...groups.map((g) => groupSection(g, withTrends)),
        ]),
  ];
  const data = service ? { service } : {};
  const card = newCard(body, [executeAction('Refresh', board ? 'board.refresh' : 'status.refresh', data)]);
  if (board) {
    const userIds = [...new Set(board.userIds)].slice(0, MAX_REFRESH_USERS);
    card.refresh = { action: { type: 'Action.Execute', verb: 'board.refresh', data }, userIds };
  }
  if (attention && withTrends) addCharts(card, attention, report.intervalMinutes, tz, locale);
  return card;
}

interface Attention {
  container: { type: string; style: string; spacing: string; items: object[] };
  rows: StatusRow[];
  /** The TextBlock of each row, where its chart goes under. */
  texts: object[];
}

function attentionBlock(degraded: StatusRow[]): Attention {
  const shown = degraded.slice(0, MAX_ATTENTION);
  const texts = shown.map((r) => {
    const where = serviceById(r.metric.service)?.name ?? r.metric.service;
    return text(`**${r.metric.name}** (${where}): ${r.value}. ${r.state.reason}`, { spacing: 'Small' });
  });
  const more = degraded.length - shown.length;
  const items = [
    text('Needs attention', { weight: 'Bolder', color: 'Attention' }),
    ...texts,
    ...(more > 0 ? [text(`…and ${more} more, marked 🔴 below.`, { size: 'Small', spacing: 'Small' })] : []),
  ];
  return {
    container: { type: 'Container', style: 'attention', spacing: 'Medium', items },
    rows: shown,
    texts,
  };
}

/** Inserts a trend chart under each degraded metric that has a trend, while the card stays well under the limit. */
function addCharts(
  card: AdaptiveCard,
  attention: Attention,
  interval: number,
  tz: string,
  locale: string,
): void {
  let added = 0;
  attention.rows.forEach((r, i) => {
    if (added >= MAX_STATUS_CHARTS || !r.trend || r.trend.length < 2) return;
    const points = downsample(r.trend, STATUS_CHART_POINTS, (p) => p.v);
    const times = points.map((p) => Date.parse(p.t));
    const label = axisLabeller(times[times.length - 1] - times[0], tz, locale);
    const labels = uniqueLabels(times.map(label));
    const chart = lineChart({
      title: `${r.metric.name}, recent buckets`,
      lines: [{ legend: r.metric.name, values: points.map((p, j) => ({ x: labels[j], y: p.v })) }],
      xAxisTitle: `time (${tz})`,
      yAxisTitle: r.metric.unit === 'percent' ? '%' : `count per ${interval} min`,
      fallback: sparkFallback('Recent buckets:', r.spark ?? ''),
    });
    const values = points.map((p) => p.v);
    const fv = (v: number) => formatValue(v, r.metric.unit, locale);
    const summary = chartSummary(
      `${r.metric.name}, last ${points.length} buckets: latest ${r.value}` +
        `${r.change ? `, ${r.change} against the same time last week` : ''}; ` +
        `lowest ${fv(Math.min(...values))}, highest ${fv(Math.max(...values))}.`,
    );
    const items = attention.container.items;
    const at = items.indexOf(attention.texts[i]) + 1;
    items.splice(at, 0, chart, summary);
    if (cardBytes(card) > MAX_CARD_BYTES - CHART_HEADROOM) items.splice(at, 2);
    else added++;
  });
}
