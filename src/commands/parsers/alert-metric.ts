import { METRICS, metricsOfService } from '../../domain/catalog';
import type { MetricDef } from '../../domain/catalog-types';
import { fail, type ParseResult } from '../command-types';
import { matchMetric } from '../metric-match';
import { serviceWord } from '../../domain/service-match';

/** A metric read for an alert command, or the error to answer with. */
export type AlertMetric = { ok: true; metric: MetricDef; word: string } | { ok: false; result: ParseResult };

/**
 * Reads the metric of `watch`/`unwatch`. `write(word)` is the user's command with another metric word, so every
 * suggestion keeps the rest of what they typed.
 */
export function readAlertMetric(phrase: string, name: string, write: (word: string) => string): AlertMetric {
  const match = matchMetric(phrase);
  if (match.ok) return match;
  const shown = phrase.slice(0, 40);
  switch (match.kind) {
    case 'service': {
      const example = write(metricsOfService(match.service.id)[0]?.id ?? 'mail-delivery');
      const subscribe = `subscribe ${serviceWord(match.service)}`;
      return error(
        'unknown-metric',
        `\`${shown}\` is a service group, not a metric: \`${name}\` takes one metric, as in \`${example}\`. ` +
          `\`${subscribe}\` alerts on all its metrics with the default rules.`,
        subscribe,
        example,
      );
    }
    case 'ambiguous': {
      const listed = match.candidates.slice(0, 3);
      const more = match.candidates.length > 3 ? ` and ${match.candidates.length - 3} more` : '';
      const example = write(listed[0].id);
      return error(
        'ambiguous-metric',
        `\`${shown}\` matches ${match.candidates.length} metrics: ${names(listed)}${more}. Which one? Example: \`${example}\`.`,
        example,
        example,
      );
    }
    case 'unknown': {
      const guess = match.guess ? write(match.guess.word) : undefined;
      const mean = guess ? ` Did you mean \`${guess}\`?` : '';
      return error(
        'unknown-metric',
        `I don't know the metric \`${shown}\`.${mean} Closest: ${names(match.closest)}. ` +
          `Send \`metrics\` to see all ${METRICS.length}.`,
        guess ?? 'metrics',
        guess ?? write(match.closest[0]?.id ?? 'mail-delivery'),
      );
    }
  }
}

function names(metrics: readonly MetricDef[]): string {
  return metrics.map((m) => `\`${m.id}\` (${m.name})`).join(', ');
}

function error(
  kind: 'unknown-metric' | 'ambiguous-metric',
  message: string,
  suggestion: string,
  example: string,
): AlertMetric {
  return { ok: false, result: fail(kind, message, { suggestion, example }) };
}
