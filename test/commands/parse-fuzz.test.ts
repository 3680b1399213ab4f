import assert from 'node:assert/strict';
import { COMMANDS, UPCOMING_COMMANDS } from '../../src/commands/grammar';
import { parseCommand, UNREADABLE, type Command, type ParseResult } from '../../src/commands/parse';
import { METRICS, SERVICES, metricByFn } from '../../src/domain/catalog';
import { fnsInScope } from '../../src/monitor/rule-scope';
import { MAX_FOR_BUCKETS } from '../../src/monitor/rules';
import { INTERVALS } from '../../src/domain/catalog-types';
import { seeded as prng } from '../security/text-cases';

const SEED = 0x5eed2026;
const ALERT_NAMES = new Set([
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'watch',
  'unwatch',
  'rules',
  'quiet',
  'digest',
  'alerts',
  'history',
]);
const DAY = 86_400_000;
const NEAR = Date.UTC(2026, 10, 22);
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'America/Los_Angeles',
  'Not/AZone',
  '',
];
const WINDOWS = [
  '',
  'last 90m',
  'last 6h',
  'last 2d',
  '1w',
  'last week',
  'last 90 minutes',
  'last 2 hours',
  'past 30d',
  'last 23d',
  'since 08:00',
  'since 8am',
  'since yesterday 14:00',
  'since today 9:30',
  'since mon 10:00',
  'since 2h ago',
  'yesterday',
  'today',
  'on friday',
  '2026-11-27T08:00 to 2026-11-27T09:00',
  'between 22:00 and 02:00',
  'yesterday 22:00 to 02:00',
  'from 2026-11-20 08:00Z to now',
  'since 2026-03-29T02:30',
  '12am to 3:30pm',
  'last 40d',
  'since 2025-01-01',
  'last 0h',
  'since 25:00',
  'last banana',
];
/** Windows that are valid whatever now is (ranges in the past, nothing older than 23 days). */
const VALID_WINDOWS = [
  '',
  'last 6h',
  'last 2d',
  'since 2h ago',
  'yesterday',
  'since yesterday 14:00',
  'last 23d',
  '3h ago to 1h ago',
  'last hour',
];
const INTERVAL_CLAUSES = [
  '',
  '',
  'every 5 min',
  'every 10m',
  'every 15 minutes',
  'every 30 min',
  'every 7 min',
  'every hour',
];
const COMPARES = ['', '', 'vs last week', 'compared to the previous week', 'vs yesterday'];
const METRIC_WORDS = METRICS.flatMap((m) => [m.id, m.fn, m.name, ...m.aliases]);
const SERVICE_WORDS = SERVICES.flatMap((s) => [s.id, s.name, ...s.aliases]);
const VOCABULARY = [
  ...METRIC_WORDS.flatMap((w) => w.split(' ')),
  ...SERVICE_WORDS,
  ...COMMANDS.flatMap((c) => [c.name, ...c.aliases]),
  ...UPCOMING_COMMANDS.keys(),
  ...'last past since from to until between and every per vs versus compared week ago now today yesterday mon fri sat at on for the in'.split(
    ' ',
  ),
  ...'6h 90m 2d 1w 30d 31d 0m 1.5h 999999999d 08:00 8am 12pm 25:00 23:59 2026-11-27 2026-02-29 2026-11-27t08:00z 5 7 15 30 60 -'.split(
    ' ',
  ),
];
const WEIRD = [
  '\u0000',
  '\u00a0',
  '\u200b',
  '𝔪',
  '🙂',
  'ß',
  'İ',
  '\u202e',
  'ﬀ',
  'é',
  '\t',
  '\n',
  '<',
  '>',
  '&amp;',
  '`',
  '"',
  '/',
  '\\',
  '%',
  '$',
];

/** Pieces of the alerting commands, valid and not. */
const KIND_WORDS = [
  'below',
  'above',
  'drop',
  'rise',
  'under',
  'over',
  'drops by',
  'less than',
  'falls below',
  '<',
  '',
];
const THRESHOLDS = ['95%', '80', '50 %', '0', '1,000', '100 percent', '180%', '-5', '0.5%', ''];
const FOR_CLAUSES = [
  '',
  '',
  'for 15m',
  'for 2 buckets',
  'for 1h',
  'for 2 days',
  'for 0m',
  'vs baseline',
  'vs usual',
];
const CLOCKS = ['22:00', '7am', '10pm', '07:00', '25:00', '9:75', 'noon', '22', '0900', ''];
const TZ_WORDS = ['', '', 'europe/berlin', 'utc', 'america/new york', 'mars/olympus', 'in asia/kathmandu'];
const RULE_REFS = ['#1', '#0', '3', 'rule 2', 'default:mail-delivery', 'custom:teams-udp:below:80', '#99999'];

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];

function alertCommand(r: Rand): string {
  const scope = () => pick(r, ['', 'all', 'to', 'this channel to', ...SERVICE_WORDS, ...METRIC_WORDS]);
  switch (Math.floor(r() * 8)) {
    case 0:
      return `${pick(r, ['subscribe', 'unsubscribe', 'follow'])} ${scope()}`;
    case 1:
    case 2:
      return [
        pick(r, ['watch', 'unwatch', 'alert on']),
        pick(r, METRIC_WORDS),
        pick(r, KIND_WORDS),
        pick(r, THRESHOLDS),
        pick(r, FOR_CLAUSES),
      ].join(' ');
    case 3:
      return `${pick(r, ['watch', 'unwatch'])} ${pick(r, RULE_REFS)}`;
    case 4:
      return [
        'quiet',
        pick(r, ['', 'from', 'hours']),
        pick(r, CLOCKS),
        pick(r, ['-', 'to', '']),
        pick(r, CLOCKS),
        pick(r, TZ_WORDS),
      ].join(' ');
    case 5:
      return [
        'digest',
        pick(r, ['daily', '', 'weekly', 'every day at', 'off']),
        pick(r, CLOCKS),
        pick(r, TZ_WORDS),
      ].join(' ');
    case 6:
      return `history ${pick(r, ['', '7d', '24h', 'last 30 days', '40d', '10m', 'week', 'banana'])}`;
    default:
      return pick(r, [
        'alerts',
        'subscriptions',
        'rules',
        'alerts open',
        'rules here',
        'quiet off',
        'digest off',
      ]);
  }
}

function validCommand(r: Rand): string {
  if (r() < 0.25) return alertCommand(r);
  switch (Math.floor(r() * 6)) {
    case 0:
      return pick(r, pick(r, COMMANDS).examples);
    case 1:
      return `${pick(r, ['status', 'metrics', 'board'])} ${r() < 0.7 ? pick(r, SERVICE_WORDS) : ''}`;
    case 2:
    case 3:
      return [
        'show',
        pick(r, METRIC_WORDS),
        pick(r, VALID_WINDOWS),
        pick(r, ['', 'every 15 min']),
        pick(r, ['', 'vs last week']),
      ].join(' ');
    default:
      return [
        'show',
        pick(r, METRIC_WORDS),
        pick(r, WINDOWS),
        pick(r, INTERVAL_CLAUSES),
        pick(r, COMPARES),
      ].join(' ');
  }
}

function randomUnicode(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++)
    s += r() < 0.3 ? pick(r, WEIRD) : String.fromCodePoint(Math.floor(r() * 0x2ffff));
  return s;
}

function mutate(r: Rand, text: string): string {
  let s = text;
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(r() * (s.length + 1));
    switch (Math.floor(r() * 9)) {
      case 0: // drop a char
        s = s.slice(0, i) + s.slice(i + 1);
        break;
      case 1: // swap neighbours
        s = s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
        break;
      case 2: // duplicate a char
        s = s.slice(0, i) + (s[i] ?? '') + s.slice(i);
        break;
      case 3: // random unicode
        s = s.slice(0, i) + randomUnicode(r, 1 + Math.floor(r() * 3)) + s.slice(i);
        break;
      case 4: // mention markup
        s = `${pick(r, ['<at>M365 Pulse</at> ', '<at id="0">Pulse</at>&nbsp;', '<at>x', '</at>', '<p>'])}${s}`;
        break;
      case 5: // a word from the grammar
        s = s.slice(0, i) + ` ${pick(r, VOCABULARY)} ` + s.slice(i);
        break;
      case 6: // case and spacing
        s = r() < 0.5 ? s.toUpperCase() : s.replace(/ /g, '   ');
        break;
      case 7: // truncate
        s = s.slice(0, i);
        break;
      default: // a leading slash or punctuation
        s = pick(r, ['/', '//', '', ' ']) + s + pick(r, ['', '.', '?', '!', ',']);
    }
  }
  return s;
}

function input(r: Rand, k: number): string {
  const kind = k % 10;
  if (kind < 5) return mutate(r, validCommand(r));
  if (kind < 7) return validCommand(r);
  if (kind === 7) {
    const words = Array.from({ length: 1 + Math.floor(r() * 8) }, () => pick(r, VOCABULARY));
    return words.join(' ');
  }
  if (kind === 8) return randomUnicode(r, Math.floor(r() * 40));
  // huge: a long valid command, a wall of one character, many mentions, or a long word
  return pick(r, [
    () => validCommand(r).repeat(2 + Math.floor(r() * 60)),
    () => pick(r, ['a', ' ', '<at>', '9', ':', '-']).repeat(100 + Math.floor(r() * 20_000)),
    () => '<at>Pulse</at> '.repeat(Math.floor(r() * 400)) + 'help',
    () => `show ${'x'.repeat(Math.floor(r() * 300))}`,
  ])();
}

function checkResult(text: string, result: ParseResult, now: number): void {
  if (!result.ok) {
    assert.ok(result.error.message.trim().length > 0, 'an error message');
    assert.notEqual(result.error.message, UNREADABLE, 'the parser threw inside');
    return;
  }
  const c = result.command;
  checkAlertCommand(c);
  if (c.name !== 'show') return;
  const start = c.start.getTime();
  const end = c.end.getTime();
  const size = c.intervalMinutes * 60_000;
  assert.ok((INTERVALS as readonly number[]).includes(c.intervalMinutes), 'allowed interval');
  assert.ok(start < end, 'start before end');
  assert.ok(end <= now, 'end not in the future');
  assert.ok(start % size === 0 && end % size === 0, 'aligned to the interval');
  assert.ok(end - start <= 30 * DAY, 'at most 30 days long');
  assert.ok(start - (c.compareLastWeek ? 7 * DAY : 0) >= now - 30 * DAY, 'inside the 30 days Graph keeps');
  assert.match(c.fn, /^get[A-Za-z]+$/);
  assert.ok(c.windowLabel.length > 0);
}

/** Invariants of the alerting commands: what a handler receives is always storable as is. */
function checkAlertCommand(c: Command): void {
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  const zone = (z: string) => assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: z }), z);
  switch (c.name) {
    case 'subscribe':
    case 'unsubscribe':
      assert.ok(c.scope.kind === 'all' || fnsInScope(c.scope).length > 0, 'a scope with metrics');
      break;
    case 'watch':
      if ('rule' in c) {
        assert.ok(metricByFn(c.rule.fn), 'a catalog metric');
        assert.ok(Number.isFinite(c.rule.threshold) && c.rule.threshold >= 0, 'a threshold');
        const n = c.rule.forBuckets;
        assert.ok(
          n === undefined || (Number.isInteger(n) && n >= 1 && n <= MAX_FOR_BUCKETS),
          'buckets in range',
        );
      } else if (c.resume.by === 'index') assert.ok(c.resume.n >= 1, 'rule numbers start at 1');
      break;
    case 'unwatch':
      if (c.ref.by === 'index') assert.ok(c.ref.n >= 1, 'rule numbers start at 1');
      break;
    case 'quiet':
      if (c.quiet) {
        assert.match(c.quiet.from, clock);
        assert.match(c.quiet.to, clock);
        assert.notEqual(c.quiet.from, c.quiet.to);
        zone(c.quiet.timeZone);
      }
      break;
    case 'digest':
      if (c.digest) {
        assert.match(c.digest.at, clock);
        zone(c.digest.timeZone);
      }
      break;
    case 'history':
      assert.ok(c.minutes >= 60 && c.minutes <= 30 * 1440, 'history span in range');
      break;
  }
}

describe('parseCommand fuzz (seeded)', () => {
  it('never throws, always answers, and only ever returns valid windows, over 10,000 inputs', () => {
    const r = prng(SEED);
    let shows = 0;
    let alerts = 0;
    for (let k = 0; k < 10_000; k++) {
      const text = input(r, k);
      // now: half near the dates written in WINDOWS, half anywhere in 2025–2028 (DST changes included).
      const now =
        r() < 0.5
          ? NEAR + Math.floor(r() * 10 * DAY)
          : Date.UTC(2025, 0, 1) + Math.floor(r() * 4 * 365 * DAY);
      const timeZone = pick(r, ZONES);
      let result: ParseResult;
      try {
        result = parseCommand(text, { now: new Date(now), timeZone });
      } catch (err) {
        assert.fail(`threw on #${k} ${JSON.stringify(text.slice(0, 200))}: ${String(err)}`);
      }
      try {
        checkResult(text, result, now);
      } catch (err) {
        assert.fail(
          `#${k} ${JSON.stringify(text.slice(0, 200))} at ${new Date(now).toISOString()} ${timeZone}: ${String(err)}`,
        );
      }
      if (result.ok && result.command.name === 'show') shows++;
      if (result.ok && ALERT_NAMES.has(result.command.name)) alerts++;
    }
    assert.ok(shows > 1000, `the inputs reach valid show windows often enough (${shows})`);
    assert.ok(alerts > 500, `the inputs reach valid alerting commands often enough (${alerts})`);
  });

  it('never throws on values a caller should not pass', () => {
    for (const raw of [undefined, null, 42, {}, [], Symbol.for('x').description]) {
      const r = parseCommand(raw as unknown as string, {
        now: new Date(NaN),
        timeZone: 42 as unknown as string,
      });
      assert.ok(r.ok || r.error.message.length > 0);
    }
  });
});
