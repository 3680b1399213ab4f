import assert from 'node:assert/strict';
import { METRICS, metricsOfService } from '../../src/domain/catalog';
import type { Simulator } from '../../src/simulator';
import { parseCsv, runCli, tableRows } from './helpers/run-cli';
import { appToken, graphHttpRequests, startTenant, TENANT, tokenEnv } from './helpers/tenant';

interface StatusRow {
  service: string;
  metric: string;
  name: string;
  unit: string;
  bucket: string | null;
  value: number | null;
  lastWeek: number | null;
  changePct: number | null;
  error: string | null;
}

describe('cli: m365-pulse status (child process against the simulator)', () => {
  let sim: Simulator;
  before(async () => (sim = await startTenant()));
  after(() => sim.close());

  it('json: 39 rows from at most 2 Graph HTTP requests, change against the same bucket last week', async () => {
    const before = graphHttpRequests(sim);
    const { code, stdout, stderr } = await runCli(['status', '--json'], tokenEnv(sim));
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.ok(graphHttpRequests(sim) - before <= 2, `${graphHttpRequests(sim) - before} Graph requests`);
    const rows = JSON.parse(stdout) as StatusRow[];
    assert.equal(rows.length, 39);
    assert.deepEqual(
      rows.map((r) => r.metric),
      METRICS.map((m) => m.id),
    );
    const buckets = new Set(rows.map((r) => r.bucket));
    assert.equal(buckets.size, 1, 'every metric at the same newest complete bucket');
    const bucket = Date.parse([...buckets][0]!);
    assert.ok(Date.now() - bucket >= 15 * 60_000 && Date.now() - bucket < 31 * 60_000, [...buckets][0]!);
    for (const r of rows) {
      assert.equal(r.error, null, r.metric);
      assert.equal(typeof r.value, 'number', r.metric);
      assert.equal(typeof r.lastWeek, 'number', r.metric);
      // `+ 0` turns a rounded -0 into 0, as JSON does (JSON.stringify(-0) is "0").
      const change = r.lastWeek
        ? Math.round(((r.value! - r.lastWeek) / r.lastWeek) * 100 * 100) / 100 + 0
        : null;
      assert.equal(r.changePct, change, r.metric);
    }
  });

  it('table and csv of one service; the week-old numbers are the same in every format', async () => {
    const env = tokenEnv(sim);
    const [table, csv, json] = await Promise.all([
      runCli(['status', '--service', 'teams'], env),
      runCli(['status', '--service', 'teams', '--csv'], env),
      runCli(['status', '--service', 'teams', '--json'], env),
    ]);
    assert.equal(table.code, 0, table.stderr);
    const teams = metricsOfService('teams');
    const { title, heading, rows } = tableRows(table.stdout);
    assert.match(title[0], new RegExp(`^Tenant ${TENANT}: latest complete 15-minute bucket .+ UTC`));
    assert.deepEqual(heading, ['SERVICE', 'METRIC', 'BUCKET (UTC)', 'VALUE', 'LAST WEEK', 'CHANGE']);
    assert.deepEqual(
      rows.map((r) => r[1]),
      teams.map((m) => m.id),
    );
    for (const r of rows) assert.match(r[5], /^([+-]\d+\.\d%|0\.0%|-)$/);
    const percentRow = rows[teams.findIndex((m) => m.unit === 'percent')];
    assert.match(percentRow[3], /%$/);
    const [header, ...records] = parseCsv(csv.stdout);
    assert.deepEqual(header, [
      'service',
      'metric',
      'name',
      'unit',
      'bucket',
      'value',
      'lastWeek',
      'changePct',
      'error',
    ]);
    const fromJson = (JSON.parse(json.stdout) as StatusRow[]).map((r) => String(r.lastWeek));
    assert.deepEqual(
      records.map((r) => r[6]),
      fromJson,
    );
  });

  it('a token without one permission: the other rows print, stderr names the permission, exit 1', async () => {
    const env = {
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN: appToken(sim, ['ServiceActivity-Exchange.Read.All']),
    };
    const { code, stdout, stderr } = await runCli(['status', '--json'], env);
    assert.equal(code, 1);
    const rows = JSON.parse(stdout) as StatusRow[];
    assert.equal(rows.length, 39);
    assert.ok(
      rows.filter((r) => r.service === 'exchange').every((r) => r.error === null && r.value !== null),
    );
    const teams = rows.find((r) => r.metric === 'teams-chat')!;
    assert.match(teams.error!, /missing the Microsoft Graph permission ServiceActivity-Teams\.Read\.All/);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 4, stderr);
    for (const p of ['Teams', 'OneDrive', 'Microsoft365Web']) {
      assert.ok(
        lines.some((l) => l.includes(`ServiceActivity-${p}.Read.All`)),
        p,
      );
    }
    assert.ok(lines.some((l) => l.includes('Reports.Read.All')));
    const table = await runCli(['status'], env);
    assert.equal(table.code, 1);
    const { heading, rows: cells } = tableRows(table.stdout);
    assert.equal(heading.at(-1), 'NOTE');
    assert.deepEqual(cells.find((r) => r[1] === 'teams-chat')?.slice(2), [
      '-',
      '-',
      '-',
      '-',
      'missing ServiceActivity-Teams.Read.All',
    ]);
    assert.equal(cells.find((r) => r[1] === 'mail-delivery')?.length, 6, 'no note on a metric that worked');
  });

  it('when every metric fails, only the reason is printed, once', async () => {
    const env = {
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN: appToken(sim, ['ServiceActivity-Exchange.Read.All']),
    };
    const { code, stdout, stderr } = await runCli(['status', '--service', 'entra'], env);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(
      stderr,
      /^m365-pulse: Pulse is missing the Microsoft Graph permission Reports\.Read\.All needed for .+ \(and 5 more metrics\)\n$/,
    );
  });
});
