import assert from 'node:assert/strict';
import { metricById } from '../../src/domain/catalog';
import type { MetricsService } from '../../src/graph/metrics-service';
import type { Simulator } from '../../src/simulator';
import { formatValue } from '../../src/cli/output/numbers';
import { parseCsv, runCli, tableRows } from './helpers/run-cli';
import { referenceService, startTenant, TENANT, tokenEnv } from './helpers/tenant';

const MIN = 60_000;
const BUCKET = 15 * MIN;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('cli: m365-pulse query (child process against the simulator)', () => {
  let sim: Simulator;
  let env: Record<string, string>;
  let reference: MetricsService;
  before(async () => {
    sim = await startTenant();
    env = tokenEnv(sim);
    reference = referenceService(sim);
  });
  after(() => sim.close());

  describe('--from/--to (a settled window: numbers must equal the service in this process)', () => {
    // 30-minute aligned, so the same window also holds whole 30-minute buckets
    const end = Math.floor(Date.now() / (2 * BUCKET)) * 2 * BUCKET - 60 * MIN;
    const start = end - 3 * 60 * MIN;
    const args = ['query', 'mail-delivery', '--from', iso(start), '--to', iso(end)];
    let expected: { t: string; v: number }[];
    before(async () => {
      const report = await reference.series(TENANT, 'getMessageVolumeMetricsForEmailDelivery', {
        start: new Date(start),
        end: new Date(end),
        intervalMinutes: 15,
      });
      expected = report.series.points;
      assert.equal(expected.length, 12);
    });

    it('table: title with metric, tenant and window; one aligned row per bucket', async () => {
      const { code, stdout, stderr } = await runCli(args, env);
      assert.equal(code, 0, stderr);
      assert.equal(stderr, '');
      const { title, heading, rows } = tableRows(stdout);
      assert.match(
        title[0],
        new RegExp(`^Mail delivery \\(mail-delivery\\) for tenant ${TENANT}: 15-minute buckets`),
      );
      assert.ok(title[0].includes(iso(start).slice(0, 16).replace('T', ' ')));
      assert.deepEqual(heading, ['TIME (UTC)', 'COUNT']);
      assert.deepEqual(
        rows,
        expected.map((p) => [p.t.slice(0, 16).replace('T', ' '), formatValue(p.v, 'count')]),
      );
    });

    it('json: one object per bucket with the exact values', async () => {
      const { code, stdout } = await runCli([...args, '--json'], env);
      assert.equal(code, 0);
      assert.deepEqual(
        JSON.parse(stdout),
        expected.map((p) => ({ metric: 'mail-delivery', time: p.t, value: p.v })),
      );
    });

    it('csv: header and one record per bucket; --interval 30 halves the rows', async () => {
      const [fifteen, thirty] = await Promise.all([
        runCli([...args, '--csv'], env),
        runCli([...args, '--csv', '--interval', '30'], env),
      ]);
      assert.equal(fifteen.code, 0, fifteen.stderr);
      assert.deepEqual(parseCsv(fifteen.stdout), [
        ['metric', 'time', 'value'],
        ...expected.map((p) => ['mail-delivery', p.t, String(p.v)]),
      ]);
      const halves = parseCsv(thirty.stdout).slice(1);
      assert.equal(halves.length, 6);
      assert.deepEqual(
        halves.map((r) => r[1]),
        expected.filter((_, i) => i % 2 === 0).map((p) => p.t),
      );
    });

    it('a metric alias of several words and the exact function name give the same answer', async () => {
      const [alias, fn] = await Promise.all([
        runCli(['query', 'mail', 'flow', '--from', iso(start), '--to', iso(end), '--json'], env),
        runCli(
          [
            'query',
            'getMessageVolumeMetricsForEmailDelivery',
            '--from',
            iso(start),
            '--to',
            iso(end),
            '--json',
          ],
          env,
        ),
      ]);
      assert.equal(alias.code, 0, alias.stderr);
      assert.equal(alias.stdout, fn.stdout);
      assert.equal(JSON.parse(alias.stdout).length, 12);
    });

    it('an unaligned --from is aligned, with the note on stderr and clean JSON on stdout', async () => {
      const { code, stdout, stderr } = await runCli(
        ['query', 'mail-delivery', '--from', iso(start + 7 * MIN), '--to', iso(end), '--json'],
        env,
      );
      assert.equal(code, 0);
      assert.match(stderr, /^note: Aligned the window to 15-minute buckets/);
      assert.equal(JSON.parse(stdout).length, 12);
    });
  });

  describe('--last', () => {
    /** The bucket ends a `--last` run may have used: it can straddle a bucket boundary. */
    const possibleEnds = (before: number, after: number) =>
      new Set([Math.floor(before / BUCKET) * BUCKET, Math.floor(after / BUCKET) * BUCKET]);

    it('table: --last 6h is the 24 complete buckets up to now, percentages formatted', async () => {
      const before = Date.now();
      const { code, stdout, stderr } = await runCli(['query', 'teams-qoe', '--last', '6h'], env);
      const ends = possibleEnds(before, Date.now());
      assert.equal(code, 0, stderr);
      const { heading, rows } = tableRows(stdout);
      assert.deepEqual(heading, ['TIME (UTC)', 'PERCENT']);
      assert.equal(rows.length, 24);
      const last = Date.parse(`${rows[23][0].replace(' ', 'T')}:00Z`);
      assert.ok(ends.has(last + BUCKET), `last row ${rows[23][0]}`);
      for (const [, value] of rows) assert.match(value, /^\d{1,3}\.\d{2}%$/);
    });

    it('json and csv agree; settled buckets equal the service in this process', async () => {
      const before = Date.now();
      const [json, csv] = await Promise.all([
        runCli(['query', 'udp', '--last', '2h', '--json'], env),
        runCli(['query', 'udp', '--last', '2h', '--csv'], env),
      ]);
      assert.equal(json.code, 0, json.stderr);
      assert.equal(csv.code, 0, csv.stderr);
      const rows = JSON.parse(json.stdout) as { metric: string; time: string; value: number | null }[];
      assert.equal(rows.length, 8);
      const records = parseCsv(csv.stdout).slice(1);
      if (possibleEnds(before, Date.now()).size === 1) {
        assert.deepEqual(
          records.map((r) => r[1]),
          rows.map((r) => r.time),
        );
      }
      const settled = rows.filter((r) => Date.parse(r.time) < before - 45 * MIN);
      const first = Date.parse(settled[0].time);
      const ref = await reference.series(TENANT, metricById('teams-udp')!.fn, {
        start: new Date(first),
        end: new Date(first + settled.length * BUCKET),
        intervalMinutes: 15,
      });
      assert.deepEqual(
        settled.map((r) => r.value),
        ref.series.points.map((p) => p.v),
      );
    });
  });
});
