import { readDuration } from './read-duration';
import { bad, type ClauseRead, type WindowSpec } from './clause-types';
import { readTime, type TimeSpec } from './read-time';

const LAST_WORDS = new Set(['last', 'past', 'previous']);
const TO_WORDS = new Set(['to', 'until', 'till', 'through']);

/**
 * Reads a window clause at `tokens[j]`: `last 6h`, `since 08:00`, `from … to …`, `between … and …`, a range, a
 * day, a bare time (a start) or a bare duration (`6h`). Undefined when no window starts there.
 */
export function readWindowClause(tokens: readonly string[], j: number): ClauseRead {
  const t = tokens[j];
  if (t === undefined) return undefined;
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
  if (duration) return lastWindow(tokens, j, duration);
  // No metric name has a number in it: a lone number is a length without its unit.
  if (/^\d{1,9}(\.\d{1,3})?$/.test(t)) {
    return bad('bad-duration', `\`${t}\` needs a unit: m, h, d or w, as in \`last ${t}h\`.`, {
      window: `last ${t}h`,
    });
  }
  return undefined;
}

function readLast(tokens: readonly string[], j: number): ClauseRead {
  const duration = readDuration(tokens, j + 1, true);
  if (duration) return lastWindow(tokens, j, duration);
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

/** The `last <duration>` window read from `tokens[j]` up to the duration's end. */
function lastWindow(
  tokens: readonly string[],
  j: number,
  { duration: { minutes, label }, next }: NonNullable<ReturnType<typeof readDuration>>,
): ClauseRead {
  const text = tokens.slice(j, next).join(' ');
  return { ok: true, clause: { kind: 'window', spec: { kind: 'last', minutes, label, text } }, next };
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
