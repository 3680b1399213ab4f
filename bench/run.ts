/**
 * Runs every benchmark in turn with its defaults, each in its own process (as `node dist/bench/<name>.js` would),
 * so one's memory and event loop do not colour the next. Each writes its own section of docs/benchmarks.md.
 * Run: `npm run bench` (builds first), or `node dist/bench/run.js [--no-write] [names…]`; one benchmark with its own
 * options: `npm run bench -- <name> [options]` (`monitor` is short for `monitor-cycle`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** In order; `scale` runs only where it exists. */
const BENCHMARKS = [
  'graph-status',
  'bot-status-rps',
  'store-latency',
  'delivery-window',
  'time-to-detect',
  'service-health-requests',
  'service-health-alerts',
  'monitor-cycle',
  'tab-page',
  'token-cache-turn',
  'scale',
];

function run(name: string, extra: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, `${name}.js`), ...extra], {
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Short names: `npm run bench -- monitor --tenants 1000 --latency-ms 300`. */
const ALIASES: Record<string, string> = { monitor: 'monitor-cycle' };

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const single = ALIASES[argv[0]] ?? (BENCHMARKS.includes(argv[0]) ? argv[0] : undefined);
  if (single && argv.slice(1).some((a) => a.startsWith('--') && a !== '--no-write')) {
    // One benchmark with its own options: everything after its name is passed on as it is.
    const code = await run(single, argv.slice(1));
    process.exit(code);
  }
  const flags = argv.filter((a) => a.startsWith('--'));
  if (flags.some((f) => f !== '--no-write'))
    throw new Error(`Only --no-write is passed on; got ${flags.join(' ')}`);
  const chosen = argv.filter((a) => !a.startsWith('--'));
  const unknown = chosen.filter((n) => !BENCHMARKS.includes(n));
  if (unknown.length)
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  const failed: string[] = [];
  for (const name of chosen.length ? chosen : BENCHMARKS) {
    if (!existsSync(path.join(__dirname, `${name}.js`))) {
      console.log(`\n== ${name}: not built here, skipped`);
      continue;
    }
    console.log(`\n== ${name}`);
    const t0 = performance.now();
    const code = await run(name, flags);
    console.log(`== ${name}: exit ${code} after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (code !== 0) failed.push(name);
  }
  if (failed.length) {
    console.error(`\nFailed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
