import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator';
import { runCli, type CliRun } from './helpers/run-cli';
import { appToken, startTenant, tokenEnv } from './helpers/tenant';

/** Exactly one line on stderr, no stack frame, nothing on stdout. */
function assertOneLine(run: CliRun, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.split('\n').length, 2, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  assert.match(run.stderr, pattern);
}

describe('cli: errors and exit codes (child process)', () => {
  let sim: Simulator;
  let env: Record<string, string>;
  before(async () => {
    sim = await startTenant();
    env = tokenEnv(sim);
  });
  after(() => sim.close());

  it("unknown metric: exit 2, the bot's wording and a suggestion, no Graph call", async () => {
    const mark = sim.requestLog.length;
    const run = await runCli(['query', 'mail-delivry', '--last', '1h'], env);
    assertOneLine(
      run,
      2,
      /^m365-pulse: mail-delivry is not a known Microsoft 365 monitoring metric\. Did you mean mail-delivery\?/,
    );
    assert.equal(sim.requestLog.length, mark);
  });

  it('bad interval: exit 2 with the window validation message', async () => {
    const [seven, word, status] = await Promise.all([
      runCli(['query', 'mail-delivery', '--interval', '7'], env),
      runCli(['query', 'mail-delivery', '--interval', 'fifteen'], env),
      runCli(['status', '--interval', '60'], env),
    ]);
    assertOneLine(
      seven,
      2,
      /^m365-pulse: The interval must be 5, 10, 15 or 30 minutes; got 7\. Example: 15 minutes\./,
    );
    assertOneLine(word, 2, /--interval needs a number of minutes \(5, 10, 15 or 30\); got 'fifteen'/);
    assertOneLine(status, 2, /The interval must be 5, 10, 15 or 30 minutes; got 60\./);
  });

  it('window more than 30 days back: exit 2, refused before any Graph call', async () => {
    const mark = sim.requestLog.length;
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const [last, range] = await Promise.all([
      runCli(['query', 'mail-delivery', '--last', '31d'], env),
      runCli(['query', 'mail-delivery', '--from', from, '--to', new Date().toISOString().slice(0, 10)], env),
    ]);
    const pattern =
      /is more than 30 days ago; Microsoft Graph keeps 30 days of monitoring data\. The earliest start now is/;
    assertOneLine(last, 2, pattern);
    assertOneLine(range, 2, pattern);
    assert.equal(sim.requestLog.length, mark);
    assertOneLine(await runCli(['query', 'mail-delivery', '--last', '5w']), 2, pattern); // before asking for credentials
  });

  it('403 from Graph for a token without the scope: exit 1 naming the permission', async () => {
    const token = appToken(sim, ['ServiceActivity-Exchange.Read.All']);
    const run = await runCli(['query', 'meetings', '--last', '1h'], {
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN: token,
    });
    assertOneLine(
      run,
      1,
      /^m365-pulse: Pulse is missing the Microsoft Graph permission ServiceActivity-Teams\.Read\.All needed for Meeting joins in tenant \S+\. An admin must add it/,
    );
    assert.equal(sim.requestLog.at(-1)?.status, 403);
  });

  it('usage errors: exit 2 pointing at --help', async () => {
    const runs = await Promise.all([
      runCli(['stauts']),
      runCli(['query']),
      runCli(['query', 'mail-delivery', '--last', '6h', '--from', '2024-10-02T10:00Z']),
      runCli(['query', 'mail-delivery', '--last', 'soon']),
      runCli(['status', '--json', '--csv']),
      runCli(['status', '--servce', 'teams']),
      runCli(['metrics', '--service', 'sharepoint']),
      runCli(['simulate', '--bogus']),
    ]);
    const patterns = [
      /Unknown command 'stauts'; did you mean status\? See 'm365-pulse --help'\./,
      /Name the metric to query, e\.g\. mail-delivery\. See 'm365-pulse query --help'\./,
      /Use either --last or --from\/--to, not both\./,
      /--last needs a duration such as 90m, 6h, 2d or 1w; got 'soon'/,
      /Choose one of --json and --csv\. See 'm365-pulse status --help'\./,
      /Unknown option '--servce'; did you mean --service\?/,
      /sharepoint is not a known service\. Services: exchange, teams, onedrive, web, entra, networkAccess\./,
      /Unknown option '--bogus'\. See 'm365-pulse simulate --help'\./,
    ];
    for (const [i, run] of runs.entries()) assertOneLine(run, 2, patterns[i]);
  });

  it('missing credentials or tenant, and malformed settings: exit 2 naming what to set', async () => {
    const [none, noTenant, badMeta, badGraph] = await Promise.all([
      runCli(['status'], { GRAPH_BASE_URL: sim.url }),
      runCli(['status'], { AAD_APP_CLIENT_ID: 'x', AAD_APP_CLIENT_SECRET: 'y' }),
      runCli(['status'], {
        AAD_APP_CLIENT_ID: 'x',
        AAD_APP_CLIENT_SECRET: 'y',
        AAD_APP_TENANT_ID: 't',
        MSAL_AUTHORITY_METADATA: '{',
      }),
      runCli(['status', '--graph', 'graph.microsoft.com'], env),
    ]);
    assertOneLine(
      none,
      2,
      /No Microsoft Graph credentials: pass --token or set GRAPH_TOKEN, or set AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET and AAD_APP_TENANT_ID/,
    );
    assertOneLine(noTenant, 2, /App-only access needs a tenant: set AAD_APP_TENANT_ID or pass --tenant\./);
    assertOneLine(badMeta, 2, /MSAL_AUTHORITY_METADATA must be a JSON object/);
    assertOneLine(badGraph, 2, /--graph must be an http\(s\) URL/);
  });

  it('Graph unreachable: exit 1 with the network message', async () => {
    const closed = await startTenant();
    const url = closed.url;
    await closed.close();
    const run = await runCli(['query', 'mail-delivery', '--last', '1h'], {
      GRAPH_BASE_URL: url,
      GRAPH_TOKEN: appToken(sim),
    });
    assertOneLine(run, 1, /^m365-pulse: Could not reach Microsoft Graph/);
  });

  it('help: exit 0 on stdout for the tool and each command', async () => {
    const runs = await Promise.all(
      [['--help'], ['help', 'query'], ['metrics', '--help'], ['status', '-h'], ['simulate', '--help']].map(
        (a) => runCli(a),
      ),
    );
    for (const run of runs) {
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
    }
    assert.match(runs[0].stdout, /^Usage: m365-pulse <command> \[options\]/);
    assert.match(runs[1].stdout, /^Usage: m365-pulse query <metric>/);
    assert.match(runs[2].stdout, /^Usage: m365-pulse metrics/);
    assert.match(runs[3].stdout, /^Usage: m365-pulse status/);
    assert.match(runs[4].stdout, /^Usage: m365-pulse simulate \[--port N\]/);
  });
});
