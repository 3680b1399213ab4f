import type { ParseErrorKind } from './command-types';
import { readDuration } from './duration';
import { readTime, type TimeSpec } from './times';

/** The time window a `show` asked for, as written (resolved later against now and the time zone). */
export type WindowSpec = { text: string } & (
  | { kind: 'last'; minutes: number; label: string }
  | { kind: 'since'; from: TimeSpec }
  | { kind: 'range'; from: TimeSpec; to: TimeSpec }
  | { kind: 'day'; day: TimeSpec }
);

/** A clause that could not be read; `fix` holds correct clauses to put in its place in the example. */
export interface ClauseError {
  kind: ParseErrorKind;
  message: string;
  fix: { window?: string; interval?: string; compare?: string };
}

/** The words after `show`, sorted into the metric phrase and the clauses around it. */
export interface ShowArgs {
  metricWords: string[];
  window?: WindowSpec;
  interval?: { minutes: number; text: string };
  compare?: { text: string };
  /** The first clause that could not be read; reading stops there. */
  error?: ClauseError;
}

type Clause =
  | { kind: 'window'; spec: WindowSpec }
  | { kind: 'interval'; minutes: number; text: string }
  | { kind: 'compare'; text: string };

type ClauseRead = { ok: true; clause: Clause; next: number } | { ok: false; error: ClauseError } | undefined;

/** Words that may lead into a clause ("for the last 2 hours") but otherwise belong to the metric phrase. */
const FILLERS = new Set(['for', 'in', 'over', 'during', 'within', 'the', 'and', 'with']);
const COMPARE_WORDS = new Set(['vs', 'versus', 'against', 'compared', 'compare']);
const INTERVAL_WORDS = new Set(['every', 'per', 'interval']);
const LAST_WORDS = new Set(['last', 'past', 'previous']);
const TO_WORDS = new Set(['to', 'until', 'till', 'through']);
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
  if (LAST_WORDS.has(t)) return readLast(tokens, j);
  if (t === 'since' || t === 'from') return readSince(tokens, j);
  if (t === 'between') return readBetween(tokens, j);
  if (TO_WORDS.has(t))
    return bad('bad-time', `\`${t}\` needs a start before it, as in \`08:00 to 12:00\`.`, {
      window: 'yesterday 08:00 to 12:00',
    });
  const time = readTime(tokens, j);
  if (time && !time.ok) return bad('bad-time', time.message, { window: 'since 08:00' });
  if (time)
    return readRangeEnd(tokens, j, time.spec, time.next, time.spec.kind === 'wall' && !time.spec.clock);
  const duration = readDuration(tokens, j);
  if (duration) {
    const { minutes, label } = duration.duration;
    const text = tokens.slice(j, duration.next).join(' ');
    return {
      ok: true,
      clause: { kind: 'window', spec: { kind: 'last', minutes, label, text } },
      next: duration.next,
    };
  }
  return undefined;
}

function bad(kind: ParseErrorKind, message: string, fix: ClauseError['fix']): ClauseRead {
  return { ok: false, error: { kind, message, fix } };
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

function readLast(tokens: readonly string[], j: number): ClauseRead {
  const duration = readDuration(tokens, j + 1, true);
  if (duration) {
    const { minutes, label } = duration.duration;
    const text = tokens.slice(j, duration.next).join(' ');
    return {
      ok: true,
      clause: { kind: 'window', spec: { kind: 'last', minutes, label, text } },
      next: duration.next,
    };
  }
  const day = readTime(tokens, j);
  if (day?.ok && day.spec.kind === 'wall' && day.spec.day?.kind === 'weekday') {
    return readRangeEnd(tokens, j, day.spec, day.next, !day.spec.clock);
  }
  const got = tokens.slice(j, j + 2).join(' ');
  const unitless = /^\d+(\.\d+)?$/.test(tokens[j + 1] ?? '');
  return bad(
    'bad-duration',
    unitless
      ? `\`${got}\` needs a unit: m, h, d or w, as in \`${got}h\`.`
      : `\`${got}\` is not a length of time; write \`last 6h\`, \`last 90 minutes\` or \`last 2d\`.`,
    { window: unitless ? `${got}h` : 'last 6h' },
  );
}

function readSince(tokens: readonly string[], j: number): ClauseRead {
  const time = readTime(tokens, j + 1);
  if (!time || !time.ok) {
    const why = time
      ? time.message
      : `\`${tokens[j]}\` needs a time: write \`since 08:00\`, \`since yesterday 14:00\` or \`since 2026-11-27T08:00\`.`;
    return bad('bad-time', why, { window: 'since 08:00' });
  }
  return readRangeEnd(tokens, j, time.spec, time.next, false);
}

function readBetween(tokens: readonly string[], j: number): ClauseRead {
  const from = readTime(tokens, j + 1);
  const to = from?.ok && tokens[from.next] === 'and' ? readTime(tokens, from.next + 1) : undefined;
  if (!from?.ok || !to?.ok) {
    const why =
      from && !from.ok
        ? from.message
        : to && !to.ok
          ? to.message
          : '`between` needs two times: write `between 08:00 and 12:00`.';
    return bad('bad-time', why, { window: 'between yesterday 08:00 and 12:00' });
  }
  const text = tokens.slice(j, to.next).join(' ');
  return {
    ok: true,
    clause: { kind: 'window', spec: { kind: 'range', from: from.spec, to: to.spec, text } },
    next: to.next,
  };
}

/**
 * After a start time: `to <end>` makes a range; otherwise a day alone is that whole day (`yesterday`) and any
 * other time is a start (`since`). `first` is where the clause text starts (its keyword, when there is one).
 */
function readRangeEnd(
  tokens: readonly string[],
  first: number,
  from: TimeSpec,
  next: number,
  wholeDay: boolean,
): ClauseRead {
  if (TO_WORDS.has(tokens[next]) || tokens[next] === '-') {
    const to = readTime(tokens, next + 1);
    if (!to || !to.ok) {
      const why = to
        ? to.message
        : `I could not read an end time after \`${tokens[next]}\`: write \`08:00 to 12:00\` or \`yesterday 22:00 to today 02:00\`.`;
      return bad('bad-time', why, { window: 'yesterday 08:00 to 12:00' });
    }
    const text = tokens.slice(first, to.next).join(' ');
    return {
      ok: true,
      clause: { kind: 'window', spec: { kind: 'range', from, to: to.spec, text } },
      next: to.next,
    };
  }
  const text = tokens.slice(first, next).join(' ');
  const spec: WindowSpec = wholeDay ? { kind: 'day', day: from, text } : { kind: 'since', from, text };
  return { ok: true, clause: { kind: 'window', spec }, next };
}
