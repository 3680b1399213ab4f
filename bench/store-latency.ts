/**
 * Store benchmark: p50/p99 of read, write and list for SqliteStore (a file) and AzureBlobStore (Azurite in its
 * own process on loopback) in the same run, then how long partitions take to move between BlobLeases instances.
 * Run: `node dist/bench/store-latency.js [--ops 300] [--list-items 100] [--no-leases] [--no-write]`.
 */
import { ContainerClient } from '@azure/storage-blob';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AzureBlobStore } from '../src/store/azure-blob/azure-blob-store';
import { BlobLeases } from '../src/store/partitions/blob-leases';
import { SqliteStore } from '../src/store/sqlite-store';
import type { KeyValueStore } from '../src/store/store';
import { startAzurite, type Azurite } from '../test/store/azurite';
import { writeSection } from './support/markdown-section';

const { values: args } = parseArgs({
  options: {
    ops: { type: 'string', default: '300' },
    'list-items': { type: 'string', default: '100' },
    'no-leases': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const OPS = Number(args.ops);
const LIST_ITEMS = Number(args['list-items']);
const LIST_RUNS = Math.max(10, Math.round(OPS / 10));
const LEASE_SECONDS = 15;
const RENEW_MS = 5_000;

/** A conversation reference as the bot stores it: about 1 KB of JSON. */
function reference(i: number): Record<string, unknown> {
  return {
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    conversation: {
      id: `19:${'a'.repeat(32)}@thread.tacv2;messageid=${1712345678901 + i}`,
      conversationType: 'channel',
    },
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    bot: { id: '28:00000000-0000-0000-0000-000000000000', name: 'M365 Pulse' },
    channelData: {
      team: { id: `19:${'b'.repeat(32)}@thread.tacv2` },
      channel: { id: `19:${'c'.repeat(32)}` },
    },
    rules: Array.from({ length: 6 }, (_, r) => ({
      metric: `metric-${r}`,
      threshold: r * 10,
      window: 'PT15M',
    })),
    updatedAt: new Date(0).toISOString(),
  };
}

function percentile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

interface Row {
  backend: string;
  op: string;
  runs: number;
  p50: number;
  p99: number;
}

async function measure(backend: string, store: KeyValueStore): Promise<Row[]> {
  const seed = Object.fromEntries(
    Array.from({ length: LIST_ITEMS }, (_, i) => [`conversations/t1/c${i}`, reference(i)]),
  );
  await store.write(seed);
  await store.write({ 'conversations/t2/other': reference(0) });
  await timed(20, (i) => store.read([`conversations/t1/c${i % LIST_ITEMS}`])); // warm-up
  const rows: [string, number[]][] = [
    ['read 1 item', await timed(OPS, (i) => store.read([`conversations/t1/c${i % LIST_ITEMS}`]))],
    ['write 1 item', await timed(OPS, (i) => store.write({ [`bench/w${i % 50}`]: reference(i) }))],
    [
      'eTag-guarded update',
      await timed(OPS, async () => {
        const item = (await store.read(['bench/guarded']))['bench/guarded'] ?? {};
        await store.write({
          'bench/guarded': { ...reference(1), n: Number(item.n ?? 0) + 1, eTag: item.eTag },
        });
      }),
    ],
    [`list ${LIST_ITEMS} items`, await timed(LIST_RUNS, () => store.list('conversations/t1/'))],
  ];
  return rows.map(([op, s]) => ({
    backend,
    op,
    runs: s.length,
    p50: percentile(s, 0.5),
    p99: percentile(s, 0.99),
  }));
}

async function waitFor(done: () => boolean, limitMs: number): Promise<number> {
  const t0 = performance.now();
  while (!done()) {
    if (performance.now() - t0 > limitMs) throw new Error(`not settled within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - t0;
}

/** Start 3 instances, kill one (no release), then stop one gracefully; times each move of partitions. */
async function measureLeases(azurite: Azurite): Promise<[string, number, string][]> {
  const client = new ContainerClient(azurite.connectionString, 'bench-leases');
  const make = (id: string) =>
    new BlobLeases(client, {
      partitions: 32,
      leaseSeconds: LEASE_SECONDS,
      renewMs: RENEW_MS,
      instanceId: id,
    });
  const [a, b, c] = [make('a'), make('b'), make('c')];
  const t0 = performance.now();
  await Promise.all([a.start(), b.start(), c.start()]);
  const all = [a, b, c];
  await waitFor(
    () =>
      all.every((m) => m.owned().size >= 10 && m.owned().size <= 11) &&
      new Set(all.flatMap((m) => [...m.owned()])).size === 32,
    60_000,
  );
  const settle = performance.now() - t0;
  c.halt();
  const killed = await waitFor(() => a.owned().size + b.owned().size === 32, 60_000);
  const t1 = performance.now();
  await b.stop();
  const released = performance.now() - t1;
  const handover = released + (await waitFor(() => a.owned().size === 32, 60_000));
  await a.stop();
  await client.deleteIfExists();
  return [
    [
      '3 instances start: each holds 10 or 11 of 32',
      settle,
      `≤ 2 renew periods (${(2 * RENEW_MS) / 1000} s)`,
    ],
    [
      'instance killed: the others own all 32 again',
      killed,
      `≤ lease + renew (${LEASE_SECONDS + RENEW_MS / 1000} s)`,
    ],
    ['graceful stop: releases sent and acknowledged', released, 'immediate'],
    ['graceful stop: the last instance owns all 32', handover, `≤ 1 renew period (${RENEW_MS / 1000} s)`],
  ];
}

async function main(): Promise<void> {
  const load = os.loadavg()[0];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-'));
  const azurite = await startAzurite();
  try {
    const sqlite = new SqliteStore(path.join(dir, 'pulse.db'));
    const blob = new AzureBlobStore({ connectionString: azurite.connectionString, container: 'bench-store' });
    const rows = [
      ...(await measure('SQLite (file, WAL)', sqlite)),
      ...(await measure('Azure Blob (Azurite, loopback)', blob)),
    ];
    await sqlite.close();
    const leases = args['no-leases'] ? [] : await measureLeases(azurite);
    const f = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
    const table = [
      '| Backend | Operation | Runs | p50 (ms) | p99 (ms) |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.backend} | ${r.op} | ${r.runs} | ${f(r.p50)} | ${f(r.p99)} |`),
    ].join('\n');
    const leaseTable = [
      `| Partition move (32 partitions, lease ${LEASE_SECONDS} s, renew ${RENEW_MS / 1000} s) | Time (s) | Bound |`,
      '| --- | --- | --- |',
      ...leases.map(([what, t, bound]) => `| ${what} | ${(t / 1000).toFixed(2)} | ${bound} |`),
    ].join('\n');
    console.log(`${table}\n\n${leases.length ? leaseTable : ''}`);
    if (!args['no-write']) {
      const file = path.join(__dirname, '..', '..', 'docs', 'benchmarks.md');
      await writeSection(file, 'Store', sectionText(table, leases.length ? leaseTable : '', load));
      console.log(`\nWrote the "Store" section of ${file}`);
    }
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sectionText(table: string, leaseTable: string, load: number): string {
  return `Measured by \`node dist/bench/store-latency.js\` (source \`bench/store-latency.ts\`) on ${new Date().toISOString().slice(0, 10)}.

- Machine: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), 1-minute load average ${load.toFixed(1)} at start.
- Items are ~1 KB conversation references. SQLite is a WAL file on local disk, in process. Azure Blob is \`AzureBlobStore\` (botbuilder's BlobsStorage plus \`@azure/storage-blob\`) against Azurite 3.35 in its own process on loopback, in memory, so these figures are the client's, the protocol's and Azurite's cost without a network: a real storage account adds its network round trip to every Blob row. Azurite is one CPU-bound Node process, so \`list\`'s 100 downloads (16 at a time) cost here about what sequential ones would; against Azure they overlap.
- "eTag-guarded update" is a read followed by a conditional write, the cost of one \`updateWithRetry\` without conflicts.
- Partition moves use Azure's minimum lease of ${LEASE_SECONDS} s (Azurite enforces it) and renew every ${RENEW_MS / 1000} s; a killed instance's partitions move once its leases expire, so production with \`LEASE_SECONDS=30\` takes up to 40 s.

${table}

${leaseTable}`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
