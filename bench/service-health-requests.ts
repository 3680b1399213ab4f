/**
 * Service health polling cost: one tenant's poller driven once a minute for two simulated hours against the
 * simulated tenant (in process, its clock moved by the benchmark), counting what reached Graph in the second
 * (steady-state) hour: HTTP requests (a `$batch` counts once) and the items Graph throttles on (a batch item counts
 * like a request). Three cases: idle (nothing changes), an Exchange incident under way all hour (new posts and
 * status changes), and idle with a chat user reading Message center now and then (messages due every 30 minutes).
 * Run: `node dist/bench/service-health-requests.js [--no-write]`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ServiceHealthBudget } from '../src/graph/service-health/health-budget';
import { ServiceHealthClient } from '../src/graph/service-health/health-client';
import { ServiceHealthPoller } from '../src/graph/service-health/health-poller';
import { startSimulator, type ScenarioStart } from '../src/simulator';
import { writeSection } from './support/markdown-section';

const { values: args } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });
const TENANT = 'bench-tenant';
const T0 = Date.parse('2026-11-25T08:00:00Z');
const MIN = 60_000;

interface Case {
  name: string;
  scenario?: ScenarioStart;
  messages: boolean;
}

interface Result {
  name: string;
  requests: number;
  items: number;
  changes: number;
  coldRequests: number;
}

async function measure(c: Case): Promise<Result> {
  const clock = { ms: T0 };
  const sim = await startSimulator({ now: () => new Date(clock.ms) });
  const token = sim.issueGraphToken({
    tenantId: TENANT,
    appId: 'bench',
    roles: ['ServiceHealth.Read.All', 'ServiceMessage.Read.All'],
    expiresInSeconds: 6 * 3600,
  });
  const client = new ServiceHealthClient({
    baseUrl: sim.url,
    tokenProvider: async () => token,
    budget: new ServiceHealthBudget({ now: () => clock.ms }),
    deps: { now: () => clock.ms },
  });
  const poller = new ServiceHealthPoller(client, () => clock.ms);
  if (c.scenario) sim.scenarios.start(c.scenario);
  const graph = () => {
    const n = sim.counters;
    return { requests: n.requests - n.tokensIssued, items: n.graphCalls };
  };
  let changes = 0;
  let coldRequests = 0;
  let atHour = graph();
  for (let minute = 0; minute < 120; minute++) {
    clock.ms = T0 + minute * MIN + 5_000;
    if (minute === 60) atHour = graph();
    const r = await poller.poll(TENANT, { messages: c.messages });
    if (minute === 0) coldRequests = r.httpRequests;
    if (minute >= 60) changes += r.changes.length;
  }
  const end = graph();
  await sim.close();
  return {
    name: c.name,
    requests: end.requests - atHour.requests,
    items: end.items - atHour.items,
    changes,
    coldRequests,
  };
}

async function main(): Promise<void> {
  const cases: Case[] = [
    { name: 'Idle (no change all hour)', messages: false },
    {
      name: 'Exchange incident active all hour',
      scenario: {
        name: 'exchange-outage',
        at: new Date(T0 + 55 * MIN),
        durationMinutes: 70,
        tenantId: TENANT,
      },
      messages: false,
    },
    { name: 'Idle, Message center read by chat users', messages: true },
  ];
  const results: Result[] = [];
  for (const c of cases) results.push(await measure(c));
  const rows = results.map(
    (r) => `| ${r.name} | ${r.requests} | ${r.items} | ${r.changes} | ${r.coldRequests} |`,
  );
  const body = [
    'One tenant polled once a minute (`ServiceHealthPoller`, the at-most-once-a-minute floor) for two simulated',
    'hours against the simulated tenant; the table counts the second hour (steady state). Requests are HTTP requests',
    '(a `$batch` counts once); items are what Graph throttles on (240 a minute, 800 an hour per app and tenant).',
    'Idle, each minute is one GET of `issues?$filter=lastModifiedDateTime ge …`; every 5th minute that GET becomes a',
    '`$batch` with `healthOverviews`, and the hourly full sweep is an unfiltered listing in the same request. With an',
    'incident under way the request count does not grow: new posts arrive in the same poll. Run',
    '`node dist/bench/service-health-requests.js`.',
    '',
    '| Case | Requests / tenant / hour | Items / hour | Issue changes seen | Cold first poll (requests) |',
    '| ---- | ------------------------ | ------------ | ------------------ | -------------------------- |',
    ...rows,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!args['no-write']) {
    const file = path.resolve(__dirname, '..', '..', 'docs/benchmarks.md');
    await writeSection(file, 'Service health polling', body);
  }
}

void main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
