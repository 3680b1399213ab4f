import type { RuleKind } from '../../monitor/rules';
import { readDuration } from '../read-duration';

/** Words that start a condition, by kind; `less`/`more` need `than` after them. */
const KIND_WORDS: ReadonlyMap<string, RuleKind> = new Map([
  ...['below', 'under', 'beneath', '<', 'less', 'lower', 'fewer'].map((w) => [w, 'below'] as const),
  ...['above', 'over', 'exceeds', 'exceed', '>', 'more', 'greater', 'higher'].map(
    (w) => [w, 'above'] as const,
  ),
  ...['drop', 'drops', 'falls', 'fall', 'decrease', 'decreases', 'dips', 'dip', 'declines', 'down'].map(
    (w) => [w, 'drop'] as const,
  ),
  ...['rise', 'rises', 'increase', 'increases', 'spike', 'spikes', 'jumps', 'grows', 'up'].map(
    (w) => [w, 'rise'] as const,
  ),
]);
const NEEDS_THAN = new Set(['less', 'lower', 'fewer', 'more', 'greater', 'higher']);
const NUMBER = /^(\d{1,7}(?:\.\d{1,3})?)(%?)$/;
const PERCENT_WORDS = new Set(['%', 'percent', 'pct']);
const VS = new Set(['vs', 'versus', 'against', 'compared', 'from', 'relative']);
const BASELINE = new Set(['baseline', 'usual', 'normal', 'typical', 'usually', 'the', 'to', 'with', 'level']);

/** A condition as typed: kind, number and the clauses after it, plus where it started among the tokens. */
export interface ConditionRead {
  kind: RuleKind;
  threshold: number;
  percent: boolean;
  /** Index of the condition's first word (the end of the metric phrase). */
  start: number;
  /** `for <duration>`: minutes, or whole buckets when written `for 3 buckets`. */
  forMinutes?: number;
  forBuckets?: number;
  /** `vs baseline` (or `vs usual`, `vs last week`) was written. */
  vsBaseline: boolean;
  /** Words after the condition that are not a clause. */
  extra: string[];
}

/**
 * Finds the condition in `watch` words: the first kind word (`below`, `above`, `drop`, `rise` and their synonyms)
 * followed by a number (after `than` or `by`), so metric names that contain such words (`audio over udp`,
 * `tunnels down`) stay metric names. Undefined when there is none; `kindOnly` is a kind word without a number.
 */
export function readCondition(
  tokens: readonly string[],
): ConditionRead | { kindOnly: string; at: number } | undefined {
  let kindOnly: { kindOnly: string; at: number } | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const kind = KIND_WORDS.get(tokens[k]);
    if (!kind) continue;
    let i = k + 1;
    if (NEEDS_THAN.has(tokens[k]) && tokens[i] === 'than') i++;
    if (tokens[i] === 'by') i++;
    const n = readNumber(tokens, i);
    if (!n) {
      if (k > 0 && !KIND_WORDS.has(tokens[i] ?? '')) kindOnly ??= { kindOnly: tokens[k], at: k };
      continue;
    }
    return { kind, start: k, threshold: n.value, percent: n.percent, ...readClauses(tokens, n.next) };
  }
  return kindOnly;
}

function readNumber(
  tokens: readonly string[],
  i: number,
): { value: number; percent: boolean; next: number } | undefined {
  const m = NUMBER.exec(tokens[i] ?? '');
  if (!m) return undefined;
  let text = m[1];
  let percent = m[2] === '%';
  let next = i + 1;
  // "1,000" arrives as "1 000": the comma is a separator to the tokenizer.
  const thousands = !percent && /^\d{1,3}$/.test(text) ? /^(\d{3})(%?)$/.exec(tokens[next] ?? '') : null;
  if (thousands) {
    text += thousands[1];
    percent = thousands[2] === '%';
    next++;
  }
  if (!percent && PERCENT_WORDS.has(tokens[next] ?? '')) {
    percent = true;
    next++;
  }
  return { value: Number(text), percent, next };
}

function readClauses(
  tokens: readonly string[],
  from: number,
): Pick<ConditionRead, 'forMinutes' | 'forBuckets' | 'vsBaseline' | 'extra'> {
  const out: Pick<ConditionRead, 'forMinutes' | 'forBuckets' | 'vsBaseline' | 'extra'> = {
    vsBaseline: false,
    extra: [],
  };
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === 'for' || t === 'during' || t === 'lasting') {
      const buckets = /^\d{1,4}$/.test(tokens[i + 1] ?? '') && /^buckets?$/.test(tokens[i + 2] ?? '');
      if (buckets) {
        out.forBuckets = Number(tokens[i + 1]);
        i += 3;
        continue;
      }
      const d = readDuration(tokens, i + 1);
      if (d) {
        out.forMinutes = d.duration.minutes;
        i = d.next;
        continue;
      }
    }
    if (VS.has(t)) {
      let j = i + 1;
      while (BASELINE.has(tokens[j] ?? '')) j++;
      if (tokens[j] === 'last' && tokens[j + 1] === 'week') j += 2;
      if (j > i + 1) {
        out.vsBaseline = true;
        i = j;
        continue;
      }
    }
    if (t === 'in' && tokens[i + 1] === 'a' && tokens[i + 2] === 'row') {
      i += 3;
      continue;
    }
    out.extra.push(t);
    i++;
  }
  return out;
}

/** `<95%` → `<`, `95%`. */
export function splitSymbols(tokens: string[]): string[] {
  return tokens.flatMap((t) => {
    const m = /^([<>])(\d.*)$/.exec(t);
    return m ? [m[1], m[2]] : [t];
  });
}
