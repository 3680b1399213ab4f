import assert from 'node:assert/strict';
import sinon from 'sinon';
import { COMMANDS, COMMAND_WORDS, UPCOMING_COMMANDS } from '../../src/commands/grammar';
import { parseCommand, type Command, type ParseResult } from '../../src/commands/parse';
import { METRICS, SERVICES } from '../../src/domain/catalog';

const NOW = new Date('2026-11-27T10:07:30Z');
const parse = (text: string): ParseResult => parseCommand(text, { now: NOW, timeZone: 'Europe/Berlin' });

function command(text: string): Command {
  const r = parse(text);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
  return r.command;
}

describe('command grammar', () => {
  it('lists the commands in help order, with usage, summary, 1–4 examples and who must sign in', () => {
    assert.deepEqual(
      COMMANDS.map((c) => c.name),
      [
        'status',
        'show',
        'metrics',
        'board',
        'incidents',
        'incident',
        'messages',
        'alerts',
        'history',
        'subscribe',
        'unsubscribe',
        'subscriptions',
        'watch',
        'unwatch',
        'rules',
        'quiet',
        'digest',
        'whoami',
        'signin',
        'signout',
        'help',
      ],
    );
    const signIn = Object.fromEntries(COMMANDS.map((c) => [c.name, c.needsSignIn]));
    assert.deepEqual(signIn, {
      status: true,
      show: true,
      metrics: false,
      board: true,
      incidents: true,
      incident: true,
      messages: true,
      alerts: true,
      history: true,
      subscribe: true,
      unsubscribe: true,
      subscriptions: true,
      watch: true,
      unwatch: true,
      rules: true,
      quiet: true,
      digest: true,
      whoami: true,
      signin: true,
      signout: false,
      help: false,
    });
    for (const c of COMMANDS) {
      assert.ok(c.usage.startsWith(c.name) && c.summary.length > 10, c.name);
      assert.ok(c.examples.length >= 1 && c.examples.length <= 4, c.name);
    }
  });

  it('parses every example of every command', () => {
    for (const c of COMMANDS) {
      for (const example of c.examples) assert.equal(command(example).name, c.name, example);
    }
  });

  it('gives each word to one command, and keeps the upcoming alerting words free', () => {
    const words = COMMANDS.flatMap((c) => [c.name, ...c.aliases]);
    assert.equal(new Set(words).size, words.length);
    for (const word of UPCOMING_COMMANDS.keys()) assert.equal(COMMAND_WORDS.has(word), false, word);
  });
});

describe('parseCommand: commands and aliases', () => {
  const table: [string, Command][] = [
    ['help', { name: 'help' }],
    ['?', { name: 'help' }],
    ['commands', { name: 'help' }],
    ['hi', { name: 'help' }],
    ['hello', { name: 'help' }],
    ['help show', { name: 'help', topic: 'show' }],
    ['help chart', { name: 'help', topic: 'show' }],
    ['help /status', { name: 'help', topic: 'status' }],
    ['help sign in', { name: 'help', topic: 'signin' }],
    ['whoami', { name: 'whoami' }],
    ['me', { name: 'whoami' }],
    ['who am i', { name: 'whoami' }],
    ['signin', { name: 'signin' }],
    ['sign in', { name: 'signin' }],
    ['login', { name: 'signin' }],
    ['log in', { name: 'signin' }],
    ['signout', { name: 'signout' }],
    ['sign out', { name: 'signout' }],
    ['logout', { name: 'signout' }],
    ['log out', { name: 'signout' }],
    ['status', { name: 'status' }],
    ['health', { name: 'status' }],
    ['status?', { name: 'status' }],
    ['status all', { name: 'status' }],
    ['status exchange', { name: 'status', service: 'exchange' }],
    ['status of teams', { name: 'status', service: 'teams' }],
    ['status for web apps', { name: 'status', service: 'web' }],
    ['status EXO', { name: 'status', service: 'exchange' }],
    ['status sign-ins', { name: 'status', service: 'entra' }],
    ['status exchnage', { name: 'status', service: 'exchange' }],
    ['metrics', { name: 'metrics' }],
    ['list', { name: 'metrics' }],
    ['catalog', { name: 'metrics' }],
    ['signals', { name: 'metrics' }],
    ['list metrics', { name: 'metrics' }],
    ['metrics gsa', { name: 'metrics', service: 'networkAccess' }],
    ['metrics global secure access', { name: 'metrics', service: 'networkAccess' }],
    ['board', { name: 'board' }],
    ['dashboard', { name: 'board' }],
    ['overview teams', { name: 'board', service: 'teams' }],
    ['board odb', { name: 'board', service: 'onedrive' }],
    ['board aad', { name: 'board', service: 'entra' }],
    ['  /BOARD   Office  ', { name: 'board', service: 'web' }],
    ['<at>M365 Pulse</at> status teams', { name: 'status', service: 'teams' }],
    ['<at>M365 Pulse</at>&nbsp;board&nbsp;identity', { name: 'board', service: 'entra' }],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(command(text), expected));
  }

  it('reads every service word after status, metrics and board', () => {
    for (const s of SERVICES) {
      for (const word of [s.id, s.name, ...s.aliases]) {
        for (const name of ['status', 'metrics', 'board'] as const) {
          assert.deepEqual(command(`${name} ${word}`), { name, service: s.id }, `${name} ${word}`);
        }
      }
    }
  });

  it('reads every metric word after show, before or after a window', () => {
    for (const m of METRICS) {
      for (const word of [m.id, m.fn, m.name, ...m.aliases]) {
        for (const text of [
          `show ${word}`,
          `show ${word} last 2h`,
          `show last 2h ${word}`,
          `chart ${word} vs last week`,
        ]) {
          const c = command(text);
          assert.ok(c.name === 'show' && c.fn === m.fn, text);
        }
      }
    }
  });

  it('defaults to the current time and UTC', () => {
    const clock = sinon.useFakeTimers({ now: Date.parse('2026-11-27T10:07:30Z'), toFake: ['Date'] });
    try {
      const r = parseCommand('show udp since 08:00');
      assert.ok(r.ok && r.command.name === 'show');
      assert.equal(r.command.start.toISOString(), '2026-11-27T08:00:00.000Z');
      assert.equal(r.command.end.toISOString(), '2026-11-27T10:05:00.000Z');
      assert.equal(r.command.windowLabel, 'since 2026-11-27 08:00 UTC');
      clock.tick(60 * 60_000);
      const later = parseCommand('show udp');
      assert.ok(later.ok && later.command.name === 'show');
      assert.equal(later.command.end.toISOString(), '2026-11-27T11:05:00.000Z');
    } finally {
      clock.restore();
    }
  });

  it('falls back to UTC for an unknown time zone and to the clock for an invalid now', () => {
    const r = parseCommand('show udp since 08:00', { now: NOW, timeZone: 'Not/AZone' });
    assert.ok(
      r.ok && r.command.name === 'show' && r.command.start.toISOString() === '2026-11-27T08:00:00.000Z',
    );
    const clock = sinon.useFakeTimers({ now: NOW.getTime(), toFake: ['Date'] });
    try {
      const s = parseCommand('show udp', { now: new Date(NaN) });
      assert.ok(
        s.ok && s.command.name === 'show' && s.command.end.toISOString() === '2026-11-27T10:05:00.000Z',
      );
    } finally {
      clock.restore();
    }
  });
});
