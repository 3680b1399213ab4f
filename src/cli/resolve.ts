import { METRICS, SERVICES } from '../domain/catalog';
import type { MetricDef, ServiceDef } from '../domain/catalog-types';
import { closest } from '../commands/suggest';
import { UsageError } from './usage-error';

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The catalog metric named by `text`: an exact (case-sensitive) Graph function name, or an id or alias in any case.
 * Anything else is a UsageError that suggests the closest id or alias.
 */
export function resolveMetric(text: string, command?: string): MetricDef {
  const exact = METRICS.find((m) => m.fn === text.trim());
  if (exact) return exact;
  const word = normal(text);
  const found = METRICS.find((m) => m.id === word || m.aliases.includes(word));
  if (found) return found;
  const caseless = METRICS.find((m) => m.fn.toLowerCase() === word);
  const hint = caseless
    ? ` Function names are case-sensitive: ${caseless.fn}.`
    : suggestion(
        word,
        METRICS.flatMap((m) => [m.id, ...m.aliases]),
        (w) => metricOf(w)?.id,
      );
  throw new UsageError(
    `${text} is not a known Microsoft 365 monitoring metric.${hint} 'm365-pulse metrics' lists them.`,
    command,
  );
}

/** The service group named by `text`: its id (any case) or one of its aliases. */
export function resolveService(text: string, command?: string): ServiceDef {
  const word = normal(text);
  const found = SERVICES.find((s) => s.id.toLowerCase() === word || s.aliases.includes(word));
  if (found) return found;
  const hint = suggestion(
    word,
    SERVICES.flatMap((s) => [s.id.toLowerCase(), ...s.aliases]),
    (w) => SERVICES.find((s) => s.id.toLowerCase() === w || s.aliases.includes(w))?.id,
  );
  throw new UsageError(
    `${text} is not a known service.${hint} Services: ${SERVICES.map((s) => s.id).join(', ')}.`,
    command,
  );
}

function metricOf(word: string): MetricDef | undefined {
  return METRICS.find((m) => m.id === word || m.aliases.includes(word));
}

function suggestion(word: string, candidates: string[], idOf: (w: string) => string | undefined): string {
  const near = closest(word, candidates);
  const id = near && idOf(near);
  return id ? ` Did you mean ${id}?` : '';
}
