import { METRICS, metricsOfService } from '../../domain/catalog';
import type { MetricDef } from '../../domain/catalog-types';
import { fail, ok, type ParseContext, type ParseResult } from '../command-types';
import { cleanMetricPhrase, exactMetric, matchMetric, type MetricMatch } from '../metric-match';
import { serviceWord } from '../../domain/service-match';
import { readShowArgs, type ShowArgs } from '../show-args';
import { resolveShowWindow, type CommandWriter } from '../show-window';
import { argumentTokens } from '../text-tokens';

const EXAMPLE = 'show mail delivery last 6h';

/** `show <metric> [window] [every N min] [vs last week]`: one metric over a resolved, valid window. */
export function parseShow(rest: string, ctx: ParseContext): ParseResult {
  const args = readShowArgs(argumentTokens(rest));
  const phrase = cleanMetricPhrase(args.metricWords.join(' '));
  if (!phrase) {
    return fail(
      'missing-metric',
      `\`show\` needs a metric first, as in \`${EXAMPLE}\`. Send \`metrics\` to see all ${METRICS.length}.`,
      { suggestion: 'metrics', example: EXAMPLE },
    );
  }
  const match = matchMetric(phrase);
  if (!match.ok) return metricError(match, phrase.slice(0, 40), args);
  const write = writer(match.word, args);
  if (args.error) {
    const fixed = write(args.error.fix);
    return fail(args.error.kind, `${args.error.message} Example: \`${fixed}\`.`, {
      suggestion: fixed,
      example: fixed,
    });
  }
  const resolved = resolveShowWindow(args, ctx, write);
  if (!resolved.ok) return resolved.result;
  const { start, end, intervalMinutes, label } = resolved.window;
  return ok({
    name: 'show',
    fn: match.metric.fn,
    start,
    end,
    intervalMinutes,
    compareLastWeek: args.compare !== undefined,
    windowLabel: label,
  });
}

/** A `show` command with the user's clauses, any of them replaced (`null` drops one). */
function writer(metricWord: string, args: ShowArgs): CommandWriter {
  return (parts) => {
    const window = parts.window ?? args.window?.text;
    const interval = parts.interval === null ? undefined : (parts.interval ?? args.interval?.text);
    const compare = parts.compare === null ? undefined : (parts.compare ?? args.compare?.text);
    return ['show', metricWord, window, interval, compare].filter(Boolean).join(' ');
  };
}

function listed(metrics: readonly MetricDef[]): string {
  return metrics.map((m) => `\`${m.id}\` (${m.name})`).join(', ');
}

function metricError(match: Exclude<MetricMatch, { ok: true }>, phrase: string, args: ShowArgs): ParseResult {
  const rest = (word: string): string => writer(word, { ...args, error: undefined })({});
  switch (match.kind) {
    case 'service': {
      const board = `board ${serviceWord(match.service)}`;
      const example = rest(metricsOfService(match.service.id)[0]?.id ?? 'mail-delivery');
      return fail(
        'unknown-metric',
        `\`${phrase}\` is a service group, not a metric: \`${board}\` charts all its metrics, or pick one, ` +
          `as in \`${example}\`. \`metrics ${serviceWord(match.service)}\` lists them.`,
        { suggestion: board, example },
      );
    }
    case 'ambiguous': {
      const shown = match.candidates.slice(0, 3);
      const more = match.candidates.length > 3 ? ` and ${match.candidates.length - 3} more` : '';
      const example = rest(shown[0].id);
      return fail(
        'ambiguous-metric',
        `\`${phrase}\` matches ${match.candidates.length} metrics: ${listed(shown)}${more}. Which one? ` +
          `Example: \`${example}\`.`,
        { suggestion: example, example },
      );
    }
    case 'unknown': {
      const several = phrase.split(/ (?:and|&|\+) /).map((part) => [part, exactMetric(part)] as const);
      if (several.length > 1 && several.every(([, m]) => m)) {
        const [first, second] = several.map(([part]) => rest(part));
        return fail(
          'invalid',
          `\`show\` charts one metric at a time: send \`${first}\`, then \`${second}\`.`,
          {
            suggestion: first,
            example: first,
          },
        );
      }
      const guess = match.guess ? rest(match.guess.word) : undefined;
      const mean = guess ? ` Did you mean \`${guess}\`?` : '';
      return fail(
        'unknown-metric',
        `I don't know the metric \`${phrase}\`.${mean} Closest: ${listed(match.closest)}. ` +
          `Send \`metrics\` to see all ${METRICS.length}.`,
        { suggestion: guess ?? 'metrics', example: guess ?? rest(match.closest[0]?.id ?? 'mail-delivery') },
      );
    }
  }
}
