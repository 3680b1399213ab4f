import type { AlertCardInput } from './alert-input';
import { ALERT_CHART_POINTS } from './alert-chart';
import { fitAlertCard, type AlertLayout } from './alert-compose';
import type { AdaptiveCard } from './adaptive-card';

/** X values per chart on the details card (a longer window, downsampled keeping extremes). */
export const DETAILS_CHART_POINTS = 100;

/** From every member charted at full resolution down to sparklines only. */
function ladder(members: number, full: number): AlertLayout[] {
  const steps = [full, Math.ceil(full / 2), Math.ceil(full / 3)];
  return [
    ...steps.map((chartPoints) => ({ chartPoints, charts: members })),
    ...[4, 2, 1].filter((k) => k < members).map((charts) => ({ chartPoints: steps[2], charts })),
    { chartPoints: 0, charts: 0 },
  ];
}

/**
 * The living card of an alert: one incident, or several metrics of one service that broke together (one grouped
 * card, not a flood). Service, metric(s), value against the usual level or the rule's level, since when, a Chart.Line
 * of the recent buckets against the usual level (sparkline fallback), the rule, the state line (firing, acknowledged,
 * snoozed, resolved; a muted rule noted), a short timeline, and Acknowledge / Snooze / Mute rule / Details buttons as
 * the state allows. Charts are downsampled, then dropped, to stay under the card size limit.
 */
export function buildAlertCard(input: AlertCardInput): AdaptiveCard {
  return fitAlertCard(input, 'card', ladder(input.group.incidents.length, ALERT_CHART_POINTS));
}

/**
 * The answer to Details: the same incident(s) with the charts given (a longer window), each metric's description,
 * the full history with notes, and a Back to summary button beside the lifecycle buttons.
 */
export function buildAlertDetailsCard(input: AlertCardInput): AdaptiveCard {
  return fitAlertCard(input, 'details', ladder(input.group.incidents.length, DETAILS_CHART_POINTS));
}
