import assert from 'node:assert/strict';
import { parseCommand, type ParseError } from '../../src/commands/parse';

const NOW = new Date('2026-11-27T10:07:30Z');
const opts = { now: NOW, timeZone: 'UTC' };

function error(text: string): ParseError {
  const r = parseCommand(text, opts);
  assert.ok(!r.ok, `${text} should not parse`);
  return r.error;
}

describe('parseCommand: errors say which part is wrong and what works', () => {
  const table: [string, ParseError['kind'], RegExp, string | undefined][] = [
    // input, kind, message pattern, suggestion
    ['', 'empty', /Send `help`/, undefined],
    ['hlep', 'unknown-command', /I don't know `hlep`\. Did you mean `help`\?/, 'help'],
    ['shwo mail flow', 'unknown-command', /Did you mean `show mail flow`\?/, 'show mail flow'],
    ['stauts teams', 'unknown-command', /Did you mean `status teams`\?/, 'status teams'],
    ['xyzzy', 'unknown-command', /I don't know `xyzzy`\. Send `help`/, undefined],
    [
      'mail flow last 2h',
      'unknown-command',
      /Did you mean `show mail flow last 2h`\?/,
      'show mail flow last 2h',
    ],
    ['exchange', 'unknown-command', /Did you mean `status exchange`\?/, 'status exchange'],
    ['whoami now', 'invalid', /`whoami` takes nothing after it \(I got `now`\)/, 'whoami'],
    ['help banana', 'invalid', /There is no command `banana`\. Send `help`/, undefined],
    ['help shw', 'invalid', /Did you mean `help show`\?/, 'help show'],
    [
      'show',
      'missing-metric',
      /`show` needs a metric first, as in `show mail delivery last 6h`.*`metrics`/,
      'metrics',
    ],
    ['show last 2h', 'missing-metric', /needs a metric/, 'metrics'],
    ['show me', 'missing-metric', /needs a metric/, 'metrics'],
    [
      'show zzzqqq last 2h',
      'unknown-metric',
      /I don't know the metric `zzzqqq`\. Closest: `[a-z-]+` \(.+\), `[a-z-]+` \(.+\), `[a-z-]+` \(.+\)\. Send `metrics` to see all 39/,
      'metrics',
    ],
    [
      'show upd last 2h',
      'unknown-metric',
      /Did you mean `show udp last 2h`\? Closest: `teams-udp` \(Audio over UDP\)/,
      'show udp last 2h',
    ],
    [
      'show mfa vs last week',
      'ambiguous-metric',
      /`mfa` matches 2 metrics: `mfa-success` \(MFA sign-in successes\), `mfa-failure` \(MFA sign-in failures\)\. Which one\?/,
      'show mfa-success vs last week',
    ],
    ['show blocked', 'ambiguous-metric', /`blocked` matches \d+ metrics: .* and \d+ more/, 'show ca-blocked'],
    [
      'show exchange last 2h',
      'unknown-metric',
      /`exchange` is a service group, not a metric: `board exchange`/,
      'board exchange',
    ],
    [
      'status banana',
      'unknown-service',
      /I don't know the service `banana`\. Services: `exchange`, `teams`, `onedrive`, `web apps`, `entra`, `gsa`/,
      undefined,
    ],
    ['status tems', 'unknown-service', /Did you mean `status teams`\?/, 'status teams'],
    [
      'board mail delivery',
      'unknown-service',
      /`board` takes a service, and `mail delivery` is a metric: `show mail delivery` charts it/,
      'show mail delivery',
    ],
    ['status exchange last 2h', 'invalid', /`status` takes only a service, not `last 2h`/, 'status exchange'],
    [
      'show mail flow last 40d',
      'too-old',
      /Graph keeps 30 days: `show mail flow last 30d` is the longest, not `last 40d`/,
      'show mail flow last 30d',
    ],
    [
      'show mail flow last 2 months',
      'too-old',
      /`show mail flow last 30d` is the longest/,
      'show mail flow last 30d',
    ],
    [
      'show mail flow last 30d vs last week',
      'too-old',
      /Comparing with last week .* `show mail flow last 23d vs last week` is the longest/,
      'show mail flow last 23d vs last week',
    ],
    [
      'show mail flow since 2026-10-01',
      'too-old',
      /`since 2026-10-01` starts 57 days ago, but Graph keeps 30 days of data\. The earliest start now is 2026-10-28 10:30 UTC/,
      'show mail flow last 30d',
    ],
    [
      'show mail flow since 25d ago vs last week',
      'too-old',
      /`vs last week` reaches 7 days further back/,
      'show mail flow last 23d vs last week',
    ],
    ['show mail flow 2026-10-01 to 2026-10-02', 'too-old', /Graph keeps 30 days/, 'show mail flow last 30d'],
    [
      'show mail flow since today 18:00',
      'future',
      /`today 18:00` \(2026-11-27 18:00 UTC\) is in the future; it is 2026-11-27 10:07 now/,
      'show mail flow last 6h',
    ],
    ['show mail flow 2026-12-01', 'future', /`2026-12-01` .* is in the future/, 'show mail flow last 6h'],
    [
      'show mail flow 08:00 to 12:00',
      'future',
      /`12:00` \(2026-11-27 12:00 UTC\) is in the future/,
      'show mail flow since 08:00',
    ],
    [
      'show mail flow today 12:00 to today 08:00',
      'future',
      /`today 12:00`.* is in the future/,
      'show mail flow last 6h',
    ],
    [
      'show mail flow yesterday 12:00 to yesterday 08:00',
      'end-before-start',
      /The end `yesterday 08:00` \(2026-11-26 08:00 UTC\) is not after the start `yesterday 12:00`/,
      'show mail flow yesterday 08:00 to yesterday 12:00',
    ],
    [
      'show mail flow between 2026-11-26T10:00 and 2026-11-26T10:00',
      'end-before-start',
      /is not after the start/,
      'show mail flow since 2026-11-26t10:00',
    ],
    [
      'show mail flow since 10:06',
      'empty-window',
      /No 5-minute bucket has ended within `since 10:06` yet \(the newest ended at 10:05 UTC\)/,
      'show mail flow last 1h',
    ],
    [
      'show mail flow every 7 min',
      'bad-interval',
      /Graph adds data up in 5, 10, 15 or 30 minute buckets, so `every 7 min` cannot be used\. Example: `show mail flow every 5 min`/,
      'show mail flow every 5 min',
    ],
    [
      'show mail flow last 6h every hour',
      'bad-interval',
      /`every hour` cannot be used.*`show mail flow last 6h every 30 min`/,
      'show mail flow last 6h every 30 min',
    ],
    [
      'show mail flow every banana',
      'bad-interval',
      /`every banana` is not an interval: give minutes, 5, 10, 15 or 30/,
      'show mail flow every 15 min',
    ],
    [
      'show mail flow every 5 min every 15 min',
      'bad-interval',
      /Give one interval; I read both `every 5 min` and `every 15 min`/,
      'show mail flow every 5 min',
    ],
    [
      'show mail flow last 6h since 08:00',
      'invalid',
      /Give one time window; I read both `last 6h` and `since 08:00`/,
      'show mail flow last 6h',
    ],
    [
      'show mail flow last banana',
      'bad-duration',
      /`last banana` is not a length of time; write `last 6h`/,
      'show mail flow last 6h',
    ],
    [
      'show mail flow last 6',
      'bad-duration',
      /`last 6` needs a unit: m, h, d or w, as in `last 6h`/,
      'show mail flow last 6h',
    ],
    ['show mail flow last 0h', 'bad-duration', /`last 0h` is an empty window/, 'show mail flow last 6h'],
    [
      'show mail flow since',
      'bad-time',
      /`since` needs a time: write `since 08:00`/,
      'show mail flow since 08:00',
    ],
    [
      'show mail flow since 25:00',
      'bad-time',
      /`25:00` is not a time of day: use 24-hour `14:30` or `2:30pm`/,
      'show mail flow since 08:00',
    ],
    ['show mail flow 2026-02-30', 'bad-time', /`2026-02-30` is not a date/, 'show mail flow since 08:00'],
    [
      'show mail flow 8',
      'bad-duration',
      /`8` needs a unit: m, h, d or w, as in `last 8h`/,
      'show mail flow last 8h',
    ],
    [
      'show mail flow and meeting joins last 2h',
      'invalid',
      /`show` charts one metric at a time: send `show mail flow last 2h`, then `show meeting joins last 2h`/,
      'show mail flow last 2h',
    ],
    [
      'show mail flow 08:00 to banana',
      'bad-time',
      /I could not read an end time after `to`/,
      'show mail flow yesterday 08:00 to 12:00',
    ],
    [
      'show mail flow between 08:00',
      'bad-time',
      /`between` needs two times: write `between 08:00 and 12:00`/,
      'show mail flow between yesterday 08:00 and 12:00',
    ],
    [
      'show mail flow until 12:00',
      'bad-time',
      /`until` needs a start before it, as in `08:00 to 12:00`/,
      'show mail flow yesterday 08:00 to 12:00',
    ],
    [
      'show mail flow vs yesterday',
      'bad-compare',
      /I can compare only with the same time last week, not `vs yesterday`/,
      'show mail flow vs last week',
    ],
  ];
  for (const [text, kind, pattern, suggestion] of table) {
    it(`${JSON.stringify(text)} → ${kind}`, () => {
      const e = error(text);
      assert.equal(e.kind, kind, e.message);
      assert.match(e.message, pattern);
      assert.equal(e.suggestion, suggestion);
    });
  }

  it('reads the alerting words as commands: never "unknown command" or "coming soon"', () => {
    for (const word of [
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
    ]) {
      const r = parseCommand(`${word} mail flow`, opts);
      assert.ok(r.ok || !['unknown-command', 'not-yet'].includes(r.error.kind), word);
    }
  });

  it('offers only suggestions and examples that parse', () => {
    for (const [text] of table) {
      const e = error(text);
      for (const fix of [e.suggestion, e.example]) {
        if (!fix) continue;
        const r = parseCommand(fix, opts);
        assert.ok(r.ok, `${text} → ${fix}: ${r.ok ? '' : r.error.message}`);
      }
    }
  });

  it('refuses long pastes quickly and kindly', () => {
    for (const text of ['show ' + 'mail '.repeat(100), 'x'.repeat(5000), '<at>a</at>'.repeat(1000)]) {
      const e = error(text);
      assert.equal(e.kind, 'invalid');
      assert.match(e.message, /too long for a command \((more than )?\d+ characters\)/);
    }
  });
});
