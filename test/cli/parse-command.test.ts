import assert from 'node:assert/strict';
import { splitArgs } from '../../src/cli/args';
import { parseCommand } from '../../src/cli/parse-command';
import { resolveMetric, resolveService } from '../../src/cli/resolve';
import { UsageError } from '../../src/cli/usage-error';
import { WindowError } from '../../src/domain/window';

/** The message a call throws (assert.throws matches a RegExp against `Name: message`). */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return assert.fail('did not throw');
}

describe('cli/parse-command (pure)', () => {
  it('splitArgs: --name value, --name=value, switches, -h, --', () => {
    const spec = { last: 'value', json: 'switch', help: 'switch' } as const;
    const a = splitArgs(['x', '--last', '6h', '--json', '--', '--not-a-flag'], spec);
    assert.deepEqual(a.positionals, ['x', '--not-a-flag']);
    assert.deepEqual(
      [...a.flags],
      [
        ['last', '6h'],
        ['json', true],
      ],
    );
    assert.deepEqual(
      [...splitArgs(['--last=2d', '-h'], spec).flags],
      [
        ['last', '2d'],
        ['help', true],
      ],
    );
    const errors: [string[], RegExp][] = [
      [['--lst', '6h'], /^Unknown option '--lst'; did you mean --last\?$/],
      [['--zzz'], /^Unknown option '--zzz'\.$/],
      [['--last'], /^--last needs a value\.$/],
      [['--last', '--json'], /^--last needs a value\.$/],
      [['--last='], /^--last needs a value\.$/],
      [['--json=yes'], /^--json takes no value\.$/],
      [['--json', '--json'], /^--json was given more than once\.$/],
      [['-x'], /^Unknown option '-x'\.$/],
      [['-json'], /^Unknown option '-json'; did you mean --json\?$/],
      [['-hj'], /^Unknown option '-hj'\.$/],
      [['x', '--zzz=1', '--json=yes'], /^Unknown option '--zzz=1'\.$/],
    ];
    assert.deepEqual(splitArgs(['-', '--last', '-1d'], spec).positionals, ['-'], 'a lone dash is a word');
    assert.equal(
      splitArgs(['--last', '-1d'], spec).flags.get('last'),
      '-1d',
      'a value may start with a dash',
    );
    for (const [argv, pattern] of errors)
      assert.match(
        messageOf(() => splitArgs(argv, spec)),
        pattern,
        argv.join(' '),
      );
  });

  it('resolves metrics by id, alias (any case, any spacing) or exact function name', () => {
    const cases: [string, string][] = [
      ['mail-delivery', 'mail-delivery'],
      ['Mail  Flow', 'mail-delivery'],
      ['getMessageVolumeMetricsForEmailDelivery', 'mail-delivery'],
      ['UDP', 'teams-udp'],
      ['gsa-bgp-connected', 'gsa-bgp-connected'],
    ];
    for (const [text, id] of cases) assert.equal(resolveMetric(text).id, id, text);
    assert.throws(() => resolveMetric('mail-delivry', 'query'), /Did you mean mail-delivery\?/);
    assert.throws(
      () => resolveMetric('GETMESSAGEVOLUMEMETRICSFOREMAILDELIVERY'),
      /case-sensitive: getMessageVolume/,
    );
    assert.match(
      messageOf(() => resolveMetric('sharepoint')),
      /^sharepoint is not a known Microsoft 365 monitoring metric\. 'm365-pulse metrics' lists them\.$/,
    );
    assert.equal(resolveService('GSA').id, 'networkAccess');
    assert.equal(resolveService('networkaccess').id, 'networkAccess');
    assert.equal(resolveService('azure ad').id, 'entra');
    assert.throws(() => resolveService('temas'), /temas is not a known service\. Did you mean teams\?/);
  });

  it('commands to requests', () => {
    const query = parseCommand([
      'query',
      'mail',
      'flow',
      '--from',
      '2024-10-02T10:00',
      '--interval',
      '30',
      '--csv',
    ]);
    assert.equal(query.command, 'query');
    if (query.command !== 'query') return;
    assert.equal(query.metric.id, 'mail-delivery');
    assert.deepEqual(query.window, {
      kind: 'range',
      from: new Date('2024-10-02T10:00:00Z'),
      to: undefined,
      intervalMinutes: 30,
    });
    assert.equal(query.format, 'csv');
    const last = parseCommand([
      'query',
      'udp',
      '--token',
      't',
      '--tenant',
      'contoso.com',
      '--graph',
      'http://x',
    ]);
    assert.deepEqual(last.command === 'query' && [last.window, last.format, last.connection], [
      { kind: 'last', durationMs: 6 * 3_600_000, intervalMinutes: 15 },
      'table',
      { token: 't', tenant: 'contoso.com', graph: 'http://x' },
    ]);
    const status = parseCommand(['status', '--service', 'exo', '--json', '--interval=5']);
    assert.deepEqual(
      status.command === 'status' && [status.service?.id, status.intervalMinutes, status.format],
      ['exchange', 5, 'json'],
    );
    assert.deepEqual(parseCommand(['simulate', '--port', '0', '--scenario', 'teams-outage']), {
      command: 'simulate',
      argv: ['--port', '0', '--scenario', 'teams-outage'],
    });
    const metrics = parseCommand(['metrics']);
    assert.deepEqual(metrics, { command: 'metrics', service: undefined, format: 'table' });
  });

  it('help for the tool, a command, and help <command>', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const r = parseCommand(argv);
      assert.ok(r.command === 'help' && r.text.startsWith('Usage: m365-pulse <command>'), argv.join(' '));
    }
    const q = parseCommand(['help', 'query']);
    const q2 = parseCommand(['query', '--help']);
    assert.deepEqual(q, q2);
    assert.ok(q.command === 'help' && q.text.startsWith('Usage: m365-pulse query <metric>'));
    const sim = parseCommand(['simulate', '--help']);
    assert.ok(sim.command === 'help' && /^Usage: m365-pulse simulate \[--port N\]/.test(sim.text));
    assert.ok(
      sim.command === 'help' &&
        sim.text.split('\n')[1].indexOf('[--scenario') === 'Usage: m365-pulse simulate '.length,
    );
    assert.throws(() => parseCommand(['help', 'nope']), /There is no command 'nope'\./);
  });

  it("usage errors carry the command; window and interval errors are the bot's WindowError", () => {
    const usage: [string[], RegExp, string | undefined][] = [
      [['stats'], /Unknown command 'stats'; did you mean status\?/, undefined],
      [['metrics', 'extra'], /Unexpected argument 'extra'\./, 'metrics'],
      [['query'], /Name the metric to query/, 'query'],
      [['query', 'udp', '--to', '2024-10-02'], /--to needs --from\./, 'query'],
      [['query', 'udp', '--last', '6h', '--to', '2024-10-02'], /either --last or --from\/--to/, 'query'],
      [['query', 'udp', '--from', '02/10/2024'], /--from needs an ISO 8601 date/, 'query'],
      [['status', '--csv', '--json'], /Choose one of --json and --csv\./, 'status'],
      [['status', 'now'], /Unexpected argument 'now'\./, 'status'],
      [['simulate', '--port', 'x'], /^--port needs a number, got 'x'\.$/, 'simulate'],
      [['metrics', '--token', 't'], /Unknown option '--token'/, 'metrics'],
    ];
    for (const [argv, pattern, command] of usage) {
      assert.throws(
        () => parseCommand(argv),
        (e: unknown) => e instanceof UsageError && pattern.test(e.message) && e.command === command,
        argv.join(' '),
      );
    }
    assert.throws(
      () => parseCommand(['query', 'udp', '--interval', '20']),
      (e: unknown) => e instanceof WindowError && e.part === 'interval' && /got 20\./.test(e.message),
    );
  });
});
