/**
 * Bot throughput: warm `status` turns posted to /api/messages (capture connector on loopback) against a bare echo bot
 * on the same stack (restify, CloudAdapter, teams-ai, SQLite), measured in the same run. The connector runs in its own process.
 * Run: `node dist/bench/bot-status-rps.js [--requests 400] [--concurrency 8] [--no-write]`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { createLogger } from '../src/log/logger';
import { createServer } from '../src/server/server';
import { demoIdentityEnv } from '../src/dev/demo-identity-env';
import { startSimulator } from '../src/simulator';
import { startBot } from '../src/start-bot';
import { SqliteStore } from '../src/store/sqlite-store';
import { createEchoBot } from './support/echo-bot';
import { activity } from '../test/helpers/activities';
import { writeSection } from './support/markdown-section';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    'no-write': { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const TENANT = '00000000-0000-4000-8000-000000000001';
const silent = new Writable({ write: (_c, _e, done) => done() });

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

/** Posts `text` REQUESTS times with CONCURRENCY workers; every turn must answer 200. */
async function load(botUrl: string, serviceUrl: string, text: string): Promise<Load> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const res = await fetch(`${botUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity(serviceUrl, { text })),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  return { rps: REQUESTS / seconds, p50: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-'));
  const sim = await startSimulator();
  const connector = spawn(process.execPath, [path.join(__dirname, 'support', 'capture-process.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const serviceUrl = await new Promise<string>((resolve) =>
    connector.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  const pulse = await startBot(
    {
      PORT: '0',
      LOG_LEVEL: 'warn',
      STORE_PATH: path.join(dir, 'pulse.db'),
      ...demoIdentityEnv(sim, TENANT),
    },
    { logDestination: silent, typingIndicator: false },
  );
  const echoStore = new SqliteStore(path.join(dir, 'echo.db'));
  const echo = createEchoBot(echoStore);
  const echoServer = createServer({
    handleMessage: (req, res) => echo.process(req, res),
    authorityHost: 'https://login.microsoftonline.com',
    store: echoStore,
    logger: createLogger('warn', silent),
  });
  const echoUrl = await echoServer.listen(0, '127.0.0.1');
  try {
    await load(pulse.url, serviceUrl, 'status'); // warm the cache, msal and the access gate
    await load(echoUrl, serviceUrl, 'hello');
    const calls = sim.requestLog.length;
    const status = await load(pulse.url, serviceUrl, 'status');
    const graphCalls = sim.requestLog.length - calls;
    const baseline = await load(echoUrl, serviceUrl, 'hello');
    const ratio = status.rps / baseline.rps;
    const row = (name: string, l: Load) =>
      `| ${name} | ${l.rps.toFixed(0)} | ${l.p50.toFixed(1)} ms | ${l.p99.toFixed(1)} ms |`;
    const table = [
      '| bot | turns/s | p50 | p99 |',
      '| --- | ---: | ---: | ---: |',
      row('M365 Pulse `status` (warm cache, 39 metrics, status card)', status),
      row('bare echo bot, same stack', baseline),
    ].join('\n');
    const body = `${table}\n\nRatio: **${ratio.toFixed(2)}** of the echo bot's rate (target ≥ 0.5). ${REQUESTS} turns per bot, ${CONCURRENCY} concurrent, ${graphCalls} Graph requests during the measured status turns. Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)} at start. Command: \`node dist/bench/bot-status-rps.js --requests ${REQUESTS} --concurrency ${CONCURRENCY}\`.`;
    console.log(body);
    if (!args['no-write'])
      await writeSection(path.join('docs', 'benchmarks.md'), 'Bot throughput: warm status vs echo', body);
  } finally {
    await pulse.close();
    await echoServer.close();
    await echoStore.close();
    connector.kill('SIGTERM');
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
