import type { Incident, IncidentState } from '../monitor/incident';
import { alertChart, alertSparkline } from './alert-chart';
import type { AlertChartPoint, IncidentContext } from './alert-input';
import { INCIDENT_LOOK, mutedLine, sinceText } from './alert-state-line';
import { timelineFacts, type TimelineEntry } from './alert-timeline';
import { valueFacts } from './alert-values';
import { text } from './adaptive-card';
import { formatLocalTime } from './format';

/** The coloured top of a card: a small kicker, the title with the state's icon, and the state lines. */
export function headerBlock(state: IncidentState, kicker: string, title: string, lines: string[]): object {
  const look = INCIDENT_LOOK[state];
  return {
    type: 'Container',
    style: look.style,
    bleed: true,
    items: [
      text(kicker, { size: 'Small', isSubtle: true }),
      text(`${look.icon} ${title}`, { size: 'Large', weight: 'Bolder', spacing: 'None' }),
      ...lines.map((line, i) =>
        text(line, {
          spacing: 'Small',
          ...(i === 0 ? { weight: 'Bolder', color: look.color } : { size: 'Small' }),
          ...(look.subtle ? { isSubtle: true } : {}),
        }),
      ),
    ],
  };
}

/** How much of the recent data an incident block draws. */
export interface ChartLayout {
  /** Draw a Chart.Line (else the sparkline pair only). */
  chart: boolean;
  maxPoints: number;
}

/** The numbers, the chart (or sparklines) and the mute note of one incident. */
export function incidentBlocks(
  c: IncidentContext,
  points: readonly AlertChartPoint[] | undefined,
  layout: ChartLayout,
  now: Date,
  timeZone: string,
  locale: string,
): object[] {
  const { incident, metric, rule } = c;
  const blocks: object[] = [
    {
      type: 'FactSet',
      facts: valueFacts(
        incident,
        metric,
        rule,
        sinceText(incident, now, timeZone, locale),
        c.ruleText,
        locale,
      ),
    },
  ];
  const level = rule && (rule.kind === 'below' || rule.kind === 'above') ? rule.threshold : undefined;
  if (points?.length) {
    const options = { metric, points, timeZone, locale, level };
    const drawn = layout.chart ? alertChart({ ...options, maxPoints: layout.maxPoints }) : undefined;
    const spark = drawn ? undefined : alertSparkline(options);
    if (drawn) blocks.push(...drawn);
    else if (spark) blocks.push(spark);
  }
  const muted = mutedLine(incident.muted ?? rule?.muted, now, timeZone, locale);
  if (muted) blocks.push(text(muted, { size: 'Small', color: 'Warning', spacing: 'Small' }));
  return blocks;
}

/** A titled FactSet of history entries, or nothing when there are none. */
export function timelineBlock(
  title: string,
  entries: readonly TimelineEntry[],
  o: { now: Date; timeZone: string; locale: string; limit: number; named: boolean; withNotes: boolean },
): object[] {
  if (!entries.length) return [];
  return [
    text(title, { size: 'Small', weight: 'Bolder', spacing: 'Medium' }),
    { type: 'FactSet', spacing: 'Small', facts: timelineFacts(entries, o) },
  ];
}

/** `Times in Europe/Berlin · card updated 14:20`. */
export function footerBlock(now: Date, timeZone: string, locale: string, extra?: string): object {
  const parts = [`Times in ${timeZone}`, `card updated ${formatLocalTime(now, now, timeZone, locale)}`];
  if (extra) parts.push(extra);
  return text(parts.join(' · '), { size: 'Small', isSubtle: true, spacing: 'Medium' });
}

/** Open before closed, the most urgent first, then oldest first. */
export function byUrgency(a: Incident, b: Incident): number {
  const rank: Record<IncidentState, number> = { firing: 0, acknowledged: 1, snoozed: 2, resolved: 3 };
  return rank[a.state] - rank[b.state] || Date.parse(a.openedAt) - Date.parse(b.openedAt);
}
