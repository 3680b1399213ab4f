/**
 * Graph client benchmark: a single metric, a cold `status` of all 39 metrics (both fetch plans), a naive sequential
 * client, and a warm `status` from cache, against the simulated tenant (separate process) adding L ms to every HTTP
 * response. Run: `node dist/bench/graph-status.js [--runs 7] [--latency 100] [--no-write]`.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBatchBody } from '../src/graph/batch-content';
import { currentBucketStart } from '../src/domain/buckets';
import { RequestBudget } from '../src/graph/budget';
import { METRICS } from '../src/domain/catalog';
import { GraphMetricsClient } from '../src/graph/client';
import type { TokenProvider } from '../src/graph/client-types';
import { MetricsService, type StatusOptions } from '../src/graph/metrics-service';
import { WEEK_MS } from '../src/domain/time';
import { buildMetricPath } from '../src/graph/url';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../src/simulator/defaults';
import { writeSection } from './support/markdown-section';
import { startSimProcess } from './support/sim-process';
import { ms, roundRobin, summarise, time, type Summary } from './support/stats';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'naive-runs': { type: 'string', default: '2' },
    'warm-runs': { type: 'string', default: '200' },
    latency: { type: 'string', default: '100' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const LOAD_AT_START = os.loadavg()[0];
const LATENCY = Number(args.latency);

/** App-only token per tenant from the simulator's Entra emulator (client credentials), fetched once. */
function tokenProvider(simUrl: string): TokenProvider {
  const cache = new Map<string, Promise<string>>();
  return (tenantId) => {
    if (!cache.has(tenantId)) {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEMO_CLIENT_ID,
        client_secret: DEMO_CLIENT_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      });
      const res = fetch(`${simUrl}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
      cache.set(
        tenantId,
        res.then(async (r) => ((await r.json()) as { access_token: string }).access_token),
      );
    }
    return cache.get(tenantId) as Promise<string>;
  };
}

interface Row {
  name: string;
  summary: Summary;
  requests: string;
  target: string;
  result: string;
}

async function main(): Promise<void> {
  const sim = await startSimProcess(LATENCY);
  const rows: Row[] = [];
  let requestsPerCold = 0;
  try {
    const tokens = tokenProvider(sim.url);
    const tenant = (phase: string) => `bench0000-0000-4000-8000-${phase.padStart(12, '0')}`;
    for (const p of ['1', '2', '3', '4', '5']) await tokens(tenant(p));
    const service = () => {
      const budget = new RequestBudget();
      const client = new GraphMetricsClient({ baseUrl: sim.url, tokenProvider: tokens, budget });
      return { client, service: new MetricsService({ client, budget }) };
    };
    const client = new GraphMetricsClient({ baseUrl: sim.url, tokenProvider: tokens });
    const end = currentBucketStart(Date.now(), 15);
    const hour = { start: new Date(end - 3_600_000), end: new Date(end), intervalMinutes: 15 as const };
    const mail = 'getMessageVolumeMetricsForEmailDelivery';
    await client.getSeries(tenant('1'), { fn: mail, window: hour }); // connection warm-up, not measured

    const covering = {
      start: new Date(end - 4 * 900_000 - WEEK_MS),
      end: new Date(end),
      intervalMinutes: 15 as const,
    };
    const token = await tokens(tenant('4'));
    const bodies = await Promise.all(
      [METRICS.slice(0, 20), METRICS.slice(20)].map((ms) =>
        buildBatchBody(
          sim.url,
          ms.map((m, i) => ({ id: String(i), path: buildMetricPath(m.fn, covering) })),
        ),
      ),
    );
    const coldStatus = (phase: string, opts: StatusOptions, counts: number[]) => async () => {
      const s = service();
      const report = await s.service.status(tenant(phase), undefined, opts);
      if (report.metrics.some((m) => !m.ok)) throw new Error('a metric failed during the benchmark');
      counts.push(s.client.stats.httpRequests);
    };
    const fewerCounts: number[] = [];
    const lessCounts: number[] = [];
    // Round-robin, so every measurement sees the same background load on a shared machine.
    const [singleTimes, fewerTimes, lessTimes, rawTimes] = await roundRobin(RUNS, [
      () => client.getSeries(tenant('1'), { fn: mail, window: hour }),
      coldStatus('2', {}, fewerCounts),
      coldStatus('3', { prefer: 'less-data' }, lessCounts),
      // The default plan's two $batch requests sent raw (no parsing): the simulator's share of the cold status.
      () =>
        Promise.all(
          bodies.map(async (body) => {
            const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
            const res = await fetch(`${sim.url}/beta/$batch`, {
              method: 'POST',
              headers,
              body: JSON.stringify(body),
            });
            return res.text();
          }),
        ),
    ]);
    const single = summarise(singleTimes);
    rows.push({
      name: 'Single-metric call (1 GET, 4 buckets)',
      summary: single,
      requests: '1',
      target: 'baseline',
      result: '',
    });
    const fewer = { summary: summarise(fewerTimes), requests: Math.max(...fewerCounts) };
    requestsPerCold = fewer.requests;
    const ratio = fewer.summary.median / single.median;
    rows.push({
      name: `Cold status, ${METRICS.length} metrics (default plan: 1 window per metric covering now and last week)`,
      summary: fewer.summary,
      requests: String(fewer.requests),
      target: '≤ 1.5× single',
      result: `${ratio.toFixed(2)}× ${ratio <= 1.5 ? '(met)' : '(missed)'}`,
    });
    const less = { summary: summarise(lessTimes), requests: Math.max(...lessCounts) };
    const lessRatio = less.summary.median / single.median;
    rows.push({
      name: `Cold status, ${METRICS.length} metrics (prefer less-data: 2 small windows per metric)`,
      summary: less.summary,
      requests: String(less.requests),
      target: '≤ 1.5× single',
      result: `${lessRatio.toFixed(2)}× ${lessRatio <= 1.5 ? '(met)' : '(missed)'}`,
    });
    const raw = summarise(rawTimes);
    rows.push({
      name: "The default plan's 2 $batch requests, raw fetch only (L + simulator time)",
      summary: raw,
      requests: '2',
      target: 'reference',
      result: `client share ≈ ${ms(summarise(fewerTimes.map((t, i) => t - rawTimes[i])).median)} (median of paired rounds)`,
    });

    const naiveRuns = Number(args['naive-runs']);
    const naive = summarise(
      await time(naiveRuns, async () => {
        for (const m of METRICS) await client.getSeries(tenant('5'), { fn: m.fn, window: covering });
      }),
    );
    rows.push({
      name: `Naive sequential client (${METRICS.length} GETs, same data)`,
      summary: naive,
      requests: String(METRICS.length),
      target: 'baseline',
      result: `${(naive.median / single.median).toFixed(1)}× single, ${(naive.median / fewer.summary.median).toFixed(1)}× cold status`,
    });

    const warmService = service();
    await warmService.service.status(tenant('2'));
    const before = warmService.client.stats.httpRequests;
    const warm = summarise(
      await time(Number(args['warm-runs']), () => warmService.service.status(tenant('2'))),
    );
    const warmRequests = warmService.client.stats.httpRequests - before;
    rows.push({
      name: 'Warm status from cache (in-process)',
      summary: warm,
      requests: String(warmRequests),
      target: '< 5 ms',
      result: warm.median < 5 ? '(met)' : '(missed)',
    });
    const counters = await sim.counters();
    if (counters.throttled > 0)
      throw new Error(`the simulator throttled ${counters.throttled} requests; results are invalid`);
  } finally {
    await sim.stop();
  }
  await report(rows, requestsPerCold);
}

async function report(rows: Row[], requestsPerCold: number): Promise<void> {
  const header =
    '| Measurement | Median | Min–max (runs) | HTTP requests | Target | Result |\n|---|---|---|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${ms(r.summary.median)} | ${ms(r.summary.min)}–${ms(r.summary.max)} (${r.summary.runs}) | ` +
      `${r.requests} | ${r.target} | ${r.result} |`,
  );
  lines.push(
    `| HTTP requests per cold status (default plan) | | | ${requestsPerCold} | ≤ 2 | ${requestsPerCold <= 2 ? '(met)' : '(missed)'} |`,
  );
  const table = [header, ...lines].join('\n');
  console.log(
    `\nGraph client, L = ${LATENCY} ms per HTTP response, ${os.cpus().length} CPUs, Node ${process.version}\n`,
  );
  console.log(table);
  if (args['no-write']) return;
  const file = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
  await writeSection(file, 'Graph client', sectionText(table));
  console.log(`\nWrote the "Graph client" section of ${file}`);
}

function sectionText(table: string): string {
  const cpu = `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})`;
  return `Measured by \`node dist/bench/graph-status.js\` (source \`bench/graph-status.ts\`) on ${new Date().toISOString().slice(0, 10)}.

- Machine: Node ${process.version}, ${cpu}, 1-minute load average ${LOAD_AT_START.toFixed(1)} at start (other work on the machine widens the ranges).
- The simulated tenant runs in its own process, as Graph is remote, and adds L = ${LATENCY} ms to every HTTP response (tokens and Graph alike). Tokens are fetched once before timing.
- "Cold" is a new \`MetricsService\` with an empty cache; "warm" repeats \`status\` within the same bucket. Each cold status asks for the newest complete 15-minute bucket of every metric and the same bucket a week earlier. The four timed rows above the naive one run round-robin, so they see the same background load.

${table}

How to read it:

- The single call and every cold status pay L once: the ${METRICS.length} metrics go out as two \`$batch\` requests sent
  concurrently, so the HTTP count stays at 2 instead of ${METRICS.length} (naive) or 4 (two windows per metric).
- The default plan asks, per metric, for one window from last week's bucket to now (a week of 15-minute buckets),
  because 78 separate windows do not fit in two batches of 20. Its extra time over the single call is the simulator
  generating a week of minute-level data for ${METRICS.length} metrics (see the raw-fetch row) plus our parsing of
  ~26,000 buckets. It also fills the cache with a week per metric, so later charts cost nothing, and spends 1 of each
  metric's 100-per-10-minutes budget instead of 2.
- \`prefer: 'less-data'\` sends 2 small windows per metric: 4 requests, close to the single call in time. Use it where
  latency matters more than request count (for example a chat turn on a cold cache).
- The naive client pays L ${METRICS.length} times in sequence.`;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
