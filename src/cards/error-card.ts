import template from './templates/error.json';
import { metricByFn } from '../domain/catalog';
import type { MetricsApiError } from '../graph/errors';
import { expandTemplate, type AdaptiveCard } from './adaptive-card';
import { errorView, type ErrorView } from './error-view';
import { formatClock, safeTimeZone } from './format';
import { metricName } from './guidance-text';

/** A window the user typed that cannot be sent (`WindowError` from graph/window.ts, or anything shaped like it). */
export interface WindowErrorLike {
  kind: 'InvalidWindow';
  message: string;
  example: string;
}

export interface ErrorCardContext {
  now: Date;
  /** IANA zone of the user; unknown zones fall back to UTC. */
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  /** The command that failed, offered as "Try again" when trying again can help. */
  command?: string;
  /** A correct command to show for invalid input; default `help`. */
  example?: string;
}

/**
 * One card per kind of failure, each saying what happened and what to do next (sign in, ask for consent or a role,
 * retry at a local time, eligibility, a correct example, try again with the request id). Shows the error's
 * user-facing message only: never a stack trace or Graph's raw detail beyond what the typed error carries.
 */
export function buildErrorCard(
  error: MetricsApiError | WindowErrorLike | Error,
  context: ErrorCardContext,
): AdaptiveCard {
  const tz = safeTimeZone(context.timeZone);
  const view: ErrorView = errorView(error, { ...context, timeZone: tz });
  const requestId = 'requestId' in error && typeof error.requestId === 'string' ? error.requestId : undefined;
  const facts = [...view.facts];
  if (requestId || view.showTime) {
    if (requestId) facts.push({ title: 'Request id', value: requestId });
    const utc = new Date(context.now).toISOString().slice(11, 16);
    facts.push({
      title: 'Time',
      value:
        tz === 'UTC' ? `${utc} UTC` : `${formatClock(context.now, tz, context.locale)} ${tz} (${utc} UTC)`,
    });
  }
  const metric = 'fn' in error && typeof error.fn === 'string' ? metricByFn(error.fn) : undefined;
  if (metric) facts.unshift({ title: 'Metric', value: metricName(metric.fn) });
  return expandTemplate(template, { ...view, facts });
}
