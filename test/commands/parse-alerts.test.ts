import assert from 'node:assert/strict';
import { parseCommand, type Command, type ParseError } from '../../src/commands/parse';
import { metricById } from '../../src/domain/catalog';

const NOW = new Date('2026-11-27T10:07:30Z');
const opts = { now: NOW, timeZone: 'Europe/Berlin' };
const fn = (id: string) => metricById(id)!.fn;

function command(text: string): Command {
  const r = parseCommand(text, opts);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
  return r.command;
}

function error(text: string): ParseError {
  const r = parseCommand(text, opts);
  assert.ok(!r.ok, `${text} should not parse`);
  return r.error;
}

describe('parseCommand: alerting commands', () => {
  const table: [string, Command][] = [
    ['subscribe', { name: 'subscribe', scope: { kind: 'all' } }],
    ['subscribe all', { name: 'subscribe', scope: { kind: 'all' } }],
    ['subscribe to everything', { name: 'subscribe', scope: { kind: 'all' } }],
    ['subscribe all services', { name: 'subscribe', scope: { kind: 'all' } }],
    ['subscribe exchange', { name: 'subscribe', scope: { kind: 'service', service: 'exchange' } }],
    ['subscribe exchnage', { name: 'subscribe', scope: { kind: 'service', service: 'exchange' } }],
    ['subscribe mail', { name: 'subscribe', scope: { kind: 'service', service: 'exchange' } }],
    [
      'subscribe this channel to entra alerts',
      { name: 'subscribe', scope: { kind: 'service', service: 'entra' } },
    ],
    ['follow gsa', { name: 'subscribe', scope: { kind: 'service', service: 'networkAccess' } }],
    ['subscribe teams udp', { name: 'subscribe', scope: { kind: 'metric', fn: fn('teams-udp') } }],
    ['subscribe mail delivery', { name: 'subscribe', scope: { kind: 'metric', fn: fn('mail-delivery') } }],
    ['subscribe mial delivery', { name: 'subscribe', scope: { kind: 'metric', fn: fn('mail-delivery') } }],
    ['/Subscribe  Exchange.', { name: 'subscribe', scope: { kind: 'service', service: 'exchange' } }],
    ['unsubscribe', { name: 'unsubscribe', scope: { kind: 'all' } }],
    ['unfollow teams', { name: 'unsubscribe', scope: { kind: 'service', service: 'teams' } }],
    [
      'subscribe exchange advisories',
      { name: 'subscribe', scope: { kind: 'service', service: 'exchange' }, issues: 'advisories' },
    ],
    [
      'subscribe this channel to exchange advisory alerts',
      { name: 'subscribe', scope: { kind: 'service', service: 'exchange' }, issues: 'advisories' },
    ],
    [
      'unsubscribe exchange incidents',
      { name: 'unsubscribe', scope: { kind: 'service', service: 'exchange' }, issues: 'incidents' },
    ],
    [
      'unsubscribe exchange microsoft incidents',
      { name: 'unsubscribe', scope: { kind: 'service', service: 'exchange' }, issues: 'incidents' },
    ],
    ['subscribe advisories', { name: 'subscribe', scope: { kind: 'all' }, issues: 'advisories' }],
    ['unsubscribe all advisories', { name: 'unsubscribe', scope: { kind: 'all' }, issues: 'advisories' }],
    [
      'subscribe mail delivery incidents',
      { name: 'subscribe', scope: { kind: 'metric', fn: fn('mail-delivery') }, issues: 'incidents' },
    ],
    ['subscriptions', { name: 'subscriptions' }],
    ['subs here', { name: 'subscriptions' }],
    [
      'watch connectivity below 97% for 15m',
      {
        name: 'watch',
        rule: { fn: fn('exchange-connectivity'), kind: 'below', threshold: 97, percent: true, forBuckets: 3 },
      },
    ],
    [
      'watch mail delivery drop 30% vs baseline',
      { name: 'watch', rule: { fn: fn('mail-delivery'), kind: 'drop', threshold: 30, percent: true } },
    ],
    [
      'watch mail delivery drops by 50 percent vs the usual',
      { name: 'watch', rule: { fn: fn('mail-delivery'), kind: 'drop', threshold: 50, percent: true } },
    ],
    [
      'watch udp falls below 80 %',
      { name: 'watch', rule: { fn: fn('teams-udp'), kind: 'below', threshold: 80, percent: true } },
    ],
    [
      'watch audio over udp below 80%',
      { name: 'watch', rule: { fn: fn('teams-udp'), kind: 'below', threshold: 80, percent: true } },
    ],
    [
      'watch gsa tunnels down above 0',
      {
        name: 'watch',
        rule: { fn: fn('gsa-tunnel-disconnected'), kind: 'above', threshold: 0, percent: false },
      },
    ],
    [
      'watch mail delivery less than 1,000 for 3 buckets',
      {
        name: 'watch',
        rule: { fn: fn('mail-delivery'), kind: 'below', threshold: 1000, percent: false, forBuckets: 3 },
      },
    ],
    [
      'watch mfa failures rise 200% for 1h',
      {
        name: 'watch',
        rule: { fn: fn('mfa-failure'), kind: 'rise', threshold: 200, percent: true, forBuckets: 12 },
      },
    ],
    [
      'watch udp <80%',
      { name: 'watch', rule: { fn: fn('teams-udp'), kind: 'below', threshold: 80, percent: true } },
    ],
    [
      'alert on udp if it goes under 75% for 10 minutes',
      {
        name: 'watch',
        rule: { fn: fn('teams-udp'), kind: 'below', threshold: 75, percent: true, forBuckets: 2 },
      },
    ],
    ['watch #2', { name: 'watch', resume: { by: 'index', n: 2 } }],
    ['watch default:mail-delivery', { name: 'watch', resume: { by: 'id', id: 'default:mail-delivery' } }],
    ['unwatch #3', { name: 'unwatch', ref: { by: 'index', n: 3 } }],
    ['unwatch rule 3', { name: 'unwatch', ref: { by: 'index', n: 3 } }],
    ['unwatch # 3', { name: 'unwatch', ref: { by: 'index', n: 3 } }],
    ['unwatch default:mail-delivery', { name: 'unwatch', ref: { by: 'id', id: 'default:mail-delivery' } }],
    [
      'unwatch custom:teams-udp:below:80',
      { name: 'unwatch', ref: { by: 'id', id: 'custom:teams-udp:below:80' } },
    ],
    ['unwatch udp below 80%', { name: 'unwatch', ref: { by: 'id', id: 'custom:teams-udp:below:80' } }],
    ['unwatch udp', { name: 'unwatch', ref: { by: 'metric', fn: fn('teams-udp') } }],
    ['rules', { name: 'rules' }],
    ['alert rules', { name: 'rules' }],
    [
      'quiet 22:00-07:00',
      { name: 'quiet', quiet: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' } },
    ],
    ['quiet 22:00 - 07:00 utc', { name: 'quiet', quiet: { from: '22:00', to: '07:00', timeZone: 'UTC' } }],
    ['quiet 10pm-7am', { name: 'quiet', quiet: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' } }],
    [
      'quiet 10 pm to 7 am',
      { name: 'quiet', quiet: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' } },
    ],
    [
      'quiet from 22 to 7 in america/new york',
      { name: 'quiet', quiet: { from: '22:00', to: '07:00', timeZone: 'America/New_York' } },
    ],
    [
      'quiet hours 23:30-06:15',
      { name: 'quiet', quiet: { from: '23:30', to: '06:15', timeZone: 'Europe/Berlin' } },
    ],
    [
      'quiet 12:00-13:00 Europe/Berlin',
      { name: 'quiet', quiet: { from: '12:00', to: '13:00', timeZone: 'Europe/Berlin' } },
    ],
    ['quiet off', { name: 'quiet', quiet: null }],
    ['digest daily 09:00', { name: 'digest', digest: { at: '09:00', timeZone: 'Europe/Berlin' } }],
    ['digest 9am', { name: 'digest', digest: { at: '09:00', timeZone: 'Europe/Berlin' } }],
    ['digest every day at noon', { name: 'digest', digest: { at: '12:00', timeZone: 'Europe/Berlin' } }],
    [
      'digest daily 08:30 america/new_york',
      { name: 'digest', digest: { at: '08:30', timeZone: 'America/New_York' } },
    ],
    ['digest off', { name: 'digest', digest: null }],
    ['alerts', { name: 'alerts' }],
    ['alerts open', { name: 'alerts' }],
    ['open alerts', { name: 'alerts' }],
    ['history', { name: 'history', minutes: 7 * 1440, label: '7 days' }],
    ['history 24h', { name: 'history', minutes: 1440, label: '24 hours' }],
    ['history last 30 days', { name: 'history', minutes: 30 * 1440, label: '30 days' }],
    ['audit 2d', { name: 'history', minutes: 2 * 1440, label: '2 days' }],
  ];
  for (const [text, expected] of table) {
    it(JSON.stringify(text), () => assert.deepEqual(command(text), expected));
  }
});

describe('parseCommand: alerting errors say which part is wrong and what works', () => {
  const table: [string, ParseError['kind'], RegExp, string | undefined][] = [
    [
      'subscribe tems',
      'unknown-service',
      /I don't know `tems`\. Did you mean `subscribe teams`\?/,
      'subscribe teams',
    ],
    [
      'subscribe banana',
      'unknown-service',
      /I don't know the service or metric `banana`\. Use `all`, a service/,
      'subscribe all',
    ],
    [
      'subscribe mfa',
      'ambiguous-metric',
      /`mfa` matches 2 metrics: .* Which one\? Example: `subscribe mfa-success`/,
      'subscribe mfa-success',
    ],
    [
      'subscriptions banana',
      'invalid',
      /`subscriptions` takes nothing after it \(I got `banana`\)/,
      'subscriptions',
    ],
    [
      'watch',
      'missing-metric',
      /`watch` needs a metric and a condition, as in `watch connectivity below 95%`/,
      'rules',
    ],
    [
      'watch below 5',
      'missing-metric',
      /needs a metric before the condition, as in `watch mail delivery below 5`/,
      'metrics',
    ],
    [
      'watch udp',
      'bad-rule',
      /`watch udp` needs a condition: .* as in `watch udp below 85%`/,
      'watch udp below 85%',
    ],
    ['watch udp below', 'bad-rule', /`below` needs a number after it/, 'watch udp below 85%'],
    [
      'watch udp below 180%',
      'bad-rule',
      /Audio over UDP is a percentage, so the level must be from 0 to 100, got 180/,
      'watch udp below 85%',
    ],
    [
      'watch mail delivery below 95%',
      'bad-rule',
      /Mail delivery is a count, not a percentage/,
      'watch mail delivery drop 50%',
    ],
    [
      'watch mail delivery drop 150%',
      'bad-rule',
      /A drop is a percentage from 1 to 100/,
      'watch mail delivery drop 50%',
    ],
    [
      'watch udp below 80% vs baseline',
      'bad-rule',
      /`below` compares with a fixed level, .* as in `watch udp drop 10% vs baseline`/,
      'watch udp below 80%',
    ],
    [
      'watch udp below 80% for 2 days',
      'bad-duration',
      /`for` can be 5 minutes to 24 hours/,
      'watch udp below 80% for 15m',
    ],
    [
      'watch udp below 80% for 0m',
      'bad-duration',
      /`for` can be 5 minutes to 24 hours/,
      'watch udp below 80% for 15m',
    ],
    [
      'watch udp below 80% banana',
      'invalid',
      /I don't understand `banana` after the condition\. Example: `watch udp below 80%`/,
      'watch udp below 80%',
    ],
    [
      'watch exchange drop 50%',
      'unknown-metric',
      /`exchange` is a service group, not a metric: `watch` takes one metric/,
      'subscribe exchange',
    ],
    ['watch mfa rise 100%', 'ambiguous-metric', /`mfa` matches 2 metrics/, 'watch mfa-success rise 100%'],
    ['watch zzzqqq below 5', 'unknown-metric', /I don't know the metric `zzzqqq`\. Closest: /, 'metrics'],
    ['watch #0', 'bad-rule', /Rule numbers start at 1/, 'rules'],
    ['unwatch', 'missing-metric', /`unwatch` needs a rule: its number or id from `rules`/, 'rules'],
    [
      'unwatch #0',
      'bad-rule',
      /Rule numbers start at 1: `rules` lists them\. Example: `unwatch #1`/,
      'rules',
    ],
    ['unwatch banana', 'unknown-metric', /I don't know the metric `banana`/, 'metrics'],
    [
      'quiet',
      'invalid',
      /`quiet` needs a daily window, as in `quiet 22:00-07:00` \(in your time zone, Europe\/Berlin\)/,
      'quiet 22:00-07:00',
    ],
    ['quiet 22:00', 'bad-time', /Quiet hours need a start and an end/, 'quiet 22:00-07:00'],
    [
      'quiet 25:00-07:00',
      'bad-time',
      /`25:00` is not a time of day: use 24-hour `22:00` or `10pm`/,
      'quiet 22:00-07:00',
    ],
    [
      'quiet 22:00-22:00',
      'bad-time',
      /Quiet hours must start and end at different times/,
      'quiet 22:00-07:00',
    ],
    [
      'quiet 22:00-07:00 mars/olympus',
      'bad-time',
      /I don't know the time zone `mars\/olympus`: use an IANA name/,
      'quiet 22:00-07:00',
    ],
    ['digest', 'invalid', /`digest` needs a time of day, as in `digest daily 09:00`/, 'digest daily 09:00'],
    ['digest weekly 09:00', 'invalid', /The digest comes once a day/, 'digest daily 09:00'],
    ['digest daily 9:75', 'bad-time', /`9:75` is not a time of day/, 'digest daily 09:00'],
    [
      'digest daily 09:00 atlantis',
      'bad-time',
      /I don't know the time zone `atlantis`/,
      'digest daily 09:00',
    ],
    [
      'alerts 7d',
      'invalid',
      /`alerts` takes nothing after it \(I got `7d`\)\. Send `alerts`, or `history 7d` for past alerts/,
      'history 7d',
    ],
    ['rules xyz', 'invalid', /`rules` takes nothing after it/, 'rules'],
    ['history 40d', 'bad-duration', /`history` goes back 1 hour to 30 days, not 40 days/, 'history 30d'],
    ['history 10m', 'bad-duration', /not 10 minutes/, 'history 24h'],
    ['history banana', 'bad-duration', /`history` takes how far back, as in `history 7d`/, 'history 7d'],
    ['subscibe exchange', 'unknown-command', /Did you mean `subscribe exchange`\?/, 'subscribe exchange'],
    ['unwach #2', 'unknown-command', /Did you mean `unwatch #2`\?/, 'unwatch #2'],
  ];
  for (const [text, kind, pattern, suggestion] of table) {
    it(`${JSON.stringify(text)} → ${kind}`, () => {
      const e = error(text);
      assert.equal(e.kind, kind, e.message);
      assert.match(e.message, pattern);
      assert.equal(e.suggestion, suggestion);
    });
  }

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
});
