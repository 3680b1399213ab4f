/**
 * The dashboard tab as a person opens it (demo mode, headless Chromium): page weight (the built JavaScript and CSS,
 * raw and gzip, and the bytes a load transfers), time to first chart with an empty server cache (a fresh bot and
 * simulated tenant) and a warm one (the same page opened again), and what a load and a refresh cost Graph.
 * Needs `npm run build` (dist/tab) and Chromium. Run: `node dist/bench/tab-page.js [--no-write] [--runs N]`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { demoIdentityEnv } from '../src/dev/demo-identity-env';
import { startSimulator, type Simulator } from '../src/simulator';
import { startBot, type RunningBot } from '../src/start-bot';
import { launchChromium } from '../test/helpers/browser';
import { writeSection } from './support/markdown-section';
import { summarise } from './support/stats';

const median = (xs: readonly number[]) => summarise(xs).median;

const { values: args } = parseArgs({
  options: { 'no-write': { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } },
});
const TENANT = '00000000-0000-4000-8000-000000000001';
const VIEW = '/tab/?service=exchange&range=24h';

interface Load {
  /** From the page's script start to the first chart drawn (the page's own mark). */
  scriptMs: number;
  /** From navigation start to the first chart drawn. */
  navigationMs: number;
  /** Bytes transferred for the page and its scripts (gzip as served). */
  bytes: number;
  graphRequests: number;
}

async function load(browser: BrowserContext, bot: RunningBot, sim: Simulator): Promise<Load> {
  const page: Page = await browser.newPage();
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (r) => {
    if (r.url().includes('/tab/')) sizes.push(r.sizes().then((s) => s.responseBodySize));
  });
  const before = graphRequests(sim);
  const t0 = performance.now();
  await page.goto(`${bot.url.replace('127.0.0.1', 'localhost')}${VIEW}`);
  await page.waitForSelector('html[data-first-chart-ms]', { state: 'attached', timeout: 30_000 });
  const navigationMs = performance.now() - t0;
  const scriptMs = Number(await page.evaluate('document.documentElement.dataset.firstChartMs'));
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  const result = { scriptMs, navigationMs, bytes, graphRequests: graphRequests(sim) - before };
  await page.close();
  return result;
}

function graphRequests(sim: Simulator): number {
  return sim.counters.requests - sim.counters.tokensIssued;
}

async function run(browser: BrowserContext): Promise<{ cold: Load; warm: Load }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pulse-bench-tab-'));
  const sim = await startSimulator({});
  const bot = await startBot(
    {
      ...demoIdentityEnv(sim, TENANT),
      PORT: '0',
      STORE_PATH: path.join(dir, 'pulse.db'),
      LOG_LEVEL: 'silent',
    },
    { monitor: false },
  );
  try {
    const cold = await load(browser, bot, sim);
    const warm = await load(browser, bot, sim);
    return { cold, warm };
  } finally {
    await bot.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function weights(): string[] {
  const dir = path.resolve(__dirname, '..', 'tab');
  return readdirSync(dir)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((f) => {
      const body = readFileSync(path.join(dir, f));
      return `| \`${f}\` | ${(body.length / 1024).toFixed(1)} | ${(gzipSync(body).length / 1024).toFixed(1)} |`;
    });
}

async function main(): Promise<void> {
  const runs = Number(args.runs);
  const browser = await launchChromium();
  const results: { cold: Load; warm: Load }[] = [];
  try {
    for (let i = 0; i < runs; i++) results.push(await run(browser));
  } finally {
    await browser.close();
  }
  const row = (name: string, loads: Load[]) =>
    `| ${name} | ${median(loads.map((l) => l.scriptMs)).toFixed(0)} | ${median(loads.map((l) => l.navigationMs)).toFixed(0)} | ${median(loads.map((l) => l.graphRequests))} | ${(median(loads.map((l) => l.bytes)) / 1024).toFixed(1)} |`;
  const body = [
    `The Exchange Online view of the tab (\`${VIEW}\`: the overview of 39 metrics and the charts in view) opened in`,
    'headless Chromium against the demo bot and the simulated tenant on this machine (2 cores), median of',
    `${runs} runs. Cold: a fresh bot and tenant, so the server cache is empty and every chart's four weeks of history`,
    "(for last week's line and the seasonal baseline) come from Graph. Warm: the same page opened again, within the",
    "same 15-minute bucket: the shared cache answers, Graph sees no request, as for the tab's refresh every minute.",
    'Run `node dist/bench/tab-page.js`.',
    '',
    '| Load | First chart from script start (ms) | From navigation (ms) | Graph requests | Transferred (KB, gzip) |',
    '| ---- | ---------------------------------- | -------------------- | -------------- | ---------------------- |',
    row(
      'Cold cache',
      results.map((r) => r.cold),
    ),
    row(
      'Warm cache',
      results.map((r) => r.warm),
    ),
    '',
    'Page weight (`dist/tab`, built by `npm run build`; the server sends gzip):',
    '',
    '| File | KB | KB gzip |',
    '| ---- | -- | ------- |',
    ...weights(),
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!args['no-write']) {
    const file = path.resolve(__dirname, '..', '..', 'docs/benchmarks.md');
    await writeSection(file, 'Dashboard tab', body);
  }
}

void main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
