import { METRICS } from '../graph/catalog';
import type { MetricDef, ServiceDef } from '../graph/catalog-types';
import { normalisePhrase, silentEdits, suggestEdits, typoDistance } from './fuzzy';
import { exactService } from './service-match';

/**
 * A metric read from user words. `word` is how to write it back in examples: what the user typed when it was
 * exact, the catalog phrase it was corrected to, or the id for a Graph function name.
 */
export type MetricMatch =
  | { ok: true; metric: MetricDef; word: string }
  | { ok: false; kind: 'unknown'; closest: MetricDef[]; guess?: { metric: MetricDef; word: string } }
  | { ok: false; kind: 'ambiguous'; candidates: MetricDef[] }
  | { ok: false; kind: 'service'; service: ServiceDef };

interface Key {
  key: string;
  tokens: readonly string[];
  metric: MetricDef;
}

/** Longest phrase compared letter by letter; longer input is still matched on its beginning. */
const MAX_FUZZY_CHARS = 60;
const LEADING_FILLER = /^(?:(?:me|the|my|our|metric|for)\s+)+/;
const KEYS: readonly Key[] = METRICS.flatMap((metric) =>
  [metric.id, metric.name, ...metric.aliases].map((k) => {
    const key = normalisePhrase(k);
    return { key, tokens: key.split(' '), metric };
  }),
);
const EXACT = new Map<string, MetricDef>();
for (const { key, metric } of KEYS) for (const k of [key, key.replace(/ /g, '')]) EXACT.set(k, metric);
const BY_FN = new Map(METRICS.map((m) => [m.fn.toLowerCase(), m]));

/** The metric phrase without leading filler words ("me the mail flow" → "mail flow"). */
export function cleanMetricPhrase(text: string): string {
  return normalisePhrase(text).replace(LEADING_FILLER, '').trim();
}

function exactKey(p: string): MetricDef | undefined {
  return EXACT.get(p) ?? EXACT.get(p.replace(/ /g, ''));
}

/** The metric that an id, Graph function, name or alias names exactly (after a service word too); no guessing. */
export function exactMetric(text: string): MetricDef | undefined {
  const p = cleanMetricPhrase(text);
  return BY_FN.get(p.replace(/ /g, '')) ?? exactKey(p) ?? afterServiceWord(p);
}

/**
 * Reads a metric: id, Graph function name, friendly name or alias; then the same after a leading service word
 * (`exo mail flow`); then one clear typo (`mial delivery`); then words that all belong to one metric
 * (`delivery`). Anything else is unknown (with the closest three), ambiguous, or a service rather than a metric.
 */
export function matchMetric(text: string): MetricMatch {
  const p = cleanMetricPhrase(text);
  const fn = BY_FN.get(p.replace(/ /g, ''));
  if (fn) return { ok: true, metric: fn, word: fn.id };
  const exact = exactKey(p) ?? afterServiceWord(p);
  if (exact) return { ok: true, metric: exact, word: p };
  const service = exactService(p);
  if (service) return { ok: false, kind: 'service', service };
  const ranked = rank(p.slice(0, MAX_FUZZY_CHARS));
  const [best, second] = ranked;
  if (best.d <= silentEdits(p.length) && second.d > best.d)
    return { ok: true, metric: best.metric, word: best.key };
  const containing = metricsContaining(p, ranked);
  if (containing.length === 1) return { ok: true, metric: containing[0], word: p };
  if (containing.length > 1) return { ok: false, kind: 'ambiguous', candidates: containing };
  const closest = [...ranked].sort((a, b) => a.ratio - b.ratio).map((r) => r.metric);
  const guess = best.d <= suggestEdits(p.length) ? { metric: best.metric, word: best.key } : undefined;
  return { ok: false, kind: 'unknown', closest: closest.slice(0, 3), guess };
}

function afterServiceWord(p: string): MetricDef | undefined {
  const words = p.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    if (!exactService(words.slice(0, n).join(' '))) continue;
    const rest = exactKey(words.slice(n).join(' '));
    if (rest) return rest;
  }
  return undefined;
}

interface Ranked {
  metric: MetricDef;
  key: string;
  /** Fewest edits to any of the metric's phrases. */
  d: number;
  /** Fewest edits relative to length, to rank far-off guesses fairly between short and long phrases. */
  ratio: number;
}

/** Every metric with its nearest phrase, nearest first. */
function rank(p: string): Ranked[] {
  const byMetric = new Map<MetricDef, Ranked>();
  for (const { key, metric } of KEYS) {
    const d = typoDistance(p, key);
    const ratio = d / Math.max(p.length, key.length);
    const seen = byMetric.get(metric);
    if (!seen) byMetric.set(metric, { metric, key, d, ratio });
    else {
      if (d < seen.d) Object.assign(seen, { key, d });
      seen.ratio = Math.min(seen.ratio, ratio);
    }
  }
  return [...byMetric.values()].sort((a, b) => a.d - b.d || a.ratio - b.ratio);
}

/** Metrics with one phrase containing every word typed (a word may be a prefix of 3+ letters or one typo off). */
function metricsContaining(p: string, ranked: readonly Ranked[]): MetricDef[] {
  const words = p.split(' ').filter((w) => w.length >= 2);
  if (!words.length) return [];
  const found = new Set<MetricDef>();
  for (const { tokens, metric } of KEYS) {
    if (!found.has(metric) && words.every((w) => tokens.some((t) => wordMatches(w, t)))) found.add(metric);
  }
  return ranked.map((r) => r.metric).filter((m) => found.has(m));
}

function wordMatches(word: string, token: string): boolean {
  if (word === token) return true;
  if (word.length >= 3 && token.startsWith(word)) return true;
  return word.length >= 5 && typoDistance(word, token, 1) <= 1;
}
