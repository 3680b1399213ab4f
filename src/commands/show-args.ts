import type { ParseErrorKind } from './command-types';
import { bad, type Clause, type ClauseError, type ClauseRead, type WindowSpec } from './clause-types';
import { readDuration } from './read-duration';
import { readWindowClause } from './window-clauses';

export type { ClauseError, WindowSpec } from './clause-types';

/** The words after `show`, sorted into the metric phrase and the clauses around it. */
export interface ShowArgs {
  metricWords: string[];
  window?: WindowSpec;
  interval?: { minutes: number; text: string };
  compare?: { text: string };
  /** The first clause that could not be read; reading stops there. */
  error?: ClauseError;
}

/** Words that may lead into a clause ("for the last 2 hours") but otherwise belong to the metric phrase. */
const FILLERS = new Set(['for', 'in', 'over', 'during', 'within', 'the', 'and', 'with']);
const COMPARE_WORDS = new Set(['vs', 'versus', 'against', 'compared', 'compare']);
const INTERVAL_WORDS = new Set(['every', 'per', 'interval']);
const WEEK_WORDS = new Set(['week', 'wk', 'w']);
const ONE_WEEK = new Set(['1w', '7d', 'lw', 'lastweek', 'wow']);

/**
 * Splits `show` arguments. Clauses may come before, after or around the metric: a window (`last 6h`,
 * `since 08:00`, `08:00 to 12:00`, `between … and …`, `yesterday`), an interval (`every 15 min`) and
 * `vs last week`. Words that start no clause are the metric phrase.
 */
export function readShowArgs(tokens: readonly string[]): ShowArgs {
  const out: ShowArgs = { metricWords: [] };
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (FILLERS.has(tokens[j])) j++;
    const read = readClause(tokens, j);
    if (!read) {
      out.metricWords.push(tokens[i++]);
      continue;
    }
    if (!read.ok) return { ...out, error: read.error };
    const clash = add(out, read.clause);
    if (clash) return { ...out, error: clash };
    i = read.next;
  }
  return out;
}

function add(out: ShowArgs, clause: Clause): ClauseError | undefined {
  if (clause.kind === 'compare') out.compare = { text: 'vs last week' };
  else if (clause.kind === 'interval') {
    if (out.interval)
      return twice('interval', out.interval.text, clause.text, 'bad-interval', {
        interval: out.interval.text,
      });
    out.interval = { minutes: clause.minutes, text: clause.text };
  } else {
    if (out.window)
      return twice('time window', out.window.text, clause.spec.text, 'invalid', { window: out.window.text });
    out.window = clause.spec;
  }
  return undefined;
}

function twice(
  what: string,
  first: string,
  second: string,
  kind: ParseErrorKind,
  fix: ClauseError['fix'],
): ClauseError {
  return { kind, message: `Give one ${what}; I read both \`${first}\` and \`${second}\`.`, fix };
}

function readClause(tokens: readonly string[], j: number): ClauseRead {
  const t = tokens[j];
  if (t === undefined) return undefined;
  if (COMPARE_WORDS.has(t)) return readCompare(tokens, j);
  if (INTERVAL_WORDS.has(t)) return readInterval(tokens, j);
  return readWindowClause(tokens, j);
}

function readCompare(tokens: readonly string[], j: number): ClauseRead {
  let k = j + 1;
  if (tokens[j].startsWith('compare') && (tokens[k] === 'to' || tokens[k] === 'with')) k++;
  while (['the', 'same', 'time', 'period', 'window', 'of'].includes(tokens[k])) k++;
  if (ONE_WEEK.has(tokens[k])) k++;
  else if (
    ['last', 'previous', 'prior', 'past', 'a', 'one', '1'].includes(tokens[k]) &&
    WEEK_WORDS.has(tokens[k + 1])
  )
    k += 2;
  else if (WEEK_WORDS.has(tokens[k])) k++;
  else {
    const got = tokens.slice(j, j + 3).join(' ');
    return bad('bad-compare', `I can compare only with the same time last week, not \`${got}\`.`, {
      compare: 'vs last week',
    });
  }
  if (['ago', 'before', 'earlier'].includes(tokens[k])) k++;
  return { ok: true, clause: { kind: 'compare', text: tokens.slice(j, k).join(' ') }, next: k };
}

function readInterval(tokens: readonly string[], j: number): ClauseRead {
  let k = j + 1;
  if (tokens[k] === '=' || tokens[k] === ':') k++;
  const duration = readDuration(tokens, k, true);
  let minutes: number | undefined;
  let next = k;
  if (duration) [minutes, next] = [duration.duration.minutes, duration.next];
  else if (/^\d{1,9}$/.test(tokens[k] ?? '')) [minutes, next] = [Number(tokens[k]), k + 1];
  if (minutes === undefined) {
    const got = tokens.slice(j, j + 2).join(' ');
    return bad('bad-interval', `\`${got}\` is not an interval: give minutes, 5, 10, 15 or 30.`, {
      interval: 'every 15 min',
    });
  }
  return { ok: true, clause: { kind: 'interval', minutes, text: tokens.slice(j, next).join(' ') }, next };
}
