import { METRICS } from '../domain/catalog';
import type { MetricDef, ServiceDef } from '../domain/catalog-types';
import { normalisePhrase, silentEdits, suggestEdits, typoDistance } from '../domain/fuzzy';
import { exactService } from '../domain/service-match';

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
  bigrams: readonly number[];
  metric: MetricDef;
}

/** Longest phrase compared letter by letter; longer input is still matched on its beginning. */
const MAX_FUZZY_CHARS = 60;
const LEADING_FILLER = /^(?:(?:me|the|my|our|metric|for)(?:\s+|$))+/;
const KEYS: readonly Key[] = METRICS.flatMap((metric) =>
  [metric.id, metric.name, ...metric.aliases].map((k) => {
    const key = normalisePhrase(k);
    return { key, tokens: key.split(' '), bigrams: bigrams(key), metric };
  }),
);
/** Letter pair → indexes of the keys that contain it, so similarity only visits keys sharing a pair. */
const BIGRAM_INDEX = new Map<number, number[]>();
KEYS.forEach(({ bigrams: pairs }, i) => {
  for (const b of pairs) BIGRAM_INDEX.set(b, [...(BIGRAM_INDEX.get(b) ?? []), i]);
});
const TOKENS = [...new Set(KEYS.flatMap((k) => k.tokens))];
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
  const fuzzy = p.slice(0, MAX_FUZZY_CHARS);
  const near = nearest(fuzzy, suggestEdits(p.length));
  const [best, second] = near;
  if (best && best.d <= silentEdits(p.length) && !(second && second.d === best.d)) {
    return { ok: true, metric: best.metric, word: best.key };
  }
  const containing = metricsContaining(p);
  if (containing.length === 1) return { ok: true, metric: containing[0], word: p };
  if (containing.length > 1) return { ok: false, kind: 'ambiguous', candidates: containing };
  const guess = best ? { metric: best.metric, word: best.key } : undefined;
  const closest = [...new Set([...near.map((n) => n.metric), ...bySimilarity(fuzzy)])].slice(0, 3);
  return { ok: false, kind: 'unknown', closest, guess };
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

interface Near {
  metric: MetricDef;
  key: string;
  d: number;
}

/** Metrics with a phrase at most `max` typos away, nearest first (one entry per metric, its nearest phrase). */
function nearest(p: string, max: number): Near[] {
  const byMetric = new Map<MetricDef, Near>();
  for (const { key, metric } of KEYS) {
    const d = typoDistance(p, key, max);
    if (d > max) continue;
    const seen = byMetric.get(metric);
    if (!seen || d < seen.d) byMetric.set(metric, { metric, key, d });
  }
  return [...byMetric.values()].sort((a, b) => a.d - b.d);
}

/** Metrics ordered by letter-pair overlap (Dice) with their closest phrase: a fair "closest" for anything typed. */
function bySimilarity(p: string): MetricDef[] {
  const mine = bigrams(p);
  const shared = new Map<number, number>();
  for (const b of mine) for (const i of BIGRAM_INDEX.get(b) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  const score = new Map<MetricDef, number>();
  for (const [i, n] of shared) {
    const { bigrams: theirs, metric } = KEYS[i];
    const dice = (2 * n) / (mine.length + theirs.length);
    if (dice > (score.get(metric) ?? 0)) score.set(metric, dice);
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  return ranked.length >= 3 ? ranked : [...new Set([...ranked, ...METRICS])];
}

/** Distinct letter pairs, each as one number (two UTF-16 units). */
function bigrams(text: string): number[] {
  const out = new Set<number>();
  for (let i = 0; i < text.length - 1; i++) out.add(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
  return [...out];
}

/** Metrics with one phrase containing every word typed (a word may be a prefix of 3+ letters or one typo off). */
function metricsContaining(p: string): MetricDef[] {
  const words = p.split(' ').filter((w) => w.length >= 2);
  if (!words.length) return [];
  const fits = words.map((w) => new Set(TOKENS.filter((t) => wordMatches(w, t))));
  if (fits.some((f) => f.size === 0)) return [];
  const found: MetricDef[] = [];
  for (const { tokens, metric } of KEYS) {
    if (!found.includes(metric) && fits.every((f) => tokens.some((t) => f.has(t)))) found.push(metric);
  }
  return found;
}

function wordMatches(word: string, token: string): boolean {
  if (word === token) return true;
  if (word.length >= 3 && token.startsWith(word)) return true;
  return word.length >= 5 && typoDistance(word, token, 1) <= 1;
}
