/**
 * The one delivery window the outbox cannot close: from Teams accepting a post (the connector's answer reaching the
 * notifier) to the first write of its activity id completing. A crash inside it leaves a posted card the outbox does
 * not know about, and the card is posted again. Measured through the real Outbox on SqliteStore (a file) and
 * AzureBlobStore (Azurite on loopback). Run: `node dist/bench/delivery-window.js [--posts 300] [--no-write]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConversationRegistry } from '../src/conversations/registry';
import type { Notifier } from '../src/delivery/notifier';
import { Outbox } from '../src/delivery/outbox';
import { SendBudget } from '../src/delivery/send-budget';
import { AzureBlobStore } from '../src/store/azure-blob/azure-blob-store';
import { SqliteStore } from '../src/store/sqlite-store';
import type { KeyValueStore, StoreItems, WriteOptions } from '../src/store/store';
import { startAzurite } from '../test/store/azurite';
import { writeSection } from './support/markdown-section';
import { summarise } from './support/stats';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: '300' },
    'no-write': { type: 'boolean', default: false },
  },
});
const POSTS = Number(args.posts);
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** Measures, per post, the time from the connector's answer to the stored `cardrefs/` write. */
async function measure(store: KeyValueStore): Promise<number[]> {
  const acceptedAt = new Map<string, number>();
  const windows: number[] = [];
  const timed: KeyValueStore = {
    read: (k) => store.read(k),
    list: (p) => store.list(p),
    delete: (k) => store.delete(k),
    ping: () => store.ping(),
    close: () => store.close(),
    async write(changes: StoreItems, options?: WriteOptions) {
      await store.write(changes, options);
      const done = performance.now();
      for (const [key, value] of Object.entries(changes))
        if (key.startsWith('cardrefs/')) windows.push(done - acceptedAt.get(String(value.activityId))!);
    },
  };
  let n = 0;
  const notifier: Notifier = {
    async post() {
      const id = `msg-${++n}`;
      acceptedAt.set(id, performance.now());
      return id;
    },
    async update() {},
  };
  const registry = new ConversationRegistry(timed);
  const outbox = new Outbox({
    store: timed,
    registry,
    notifier,
    budget: new SendBudget([], []),
    owner: 'bench',
  });
  const conversations = 10;
  for (let c = 0; c < conversations; c++)
    await registry.upsert({
      conversationId: `19:c${c}@thread.tacv2`,
      tenantId: TENANT,
      scope: 'channel',
      reference: {},
    });
  for (let i = 0; i < POSTS; i++) {
    await outbox.enqueue({
      tenantId: TENANT,
      conversationId: `19:c${i % conversations}@thread.tacv2`,
      cardKey: `incident-${i}`,
      card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x'.repeat(2_000) }] },
    });
    if (i % 20 === 19) await outbox.drain();
  }
  await outbox.drain();
  if (windows.length !== POSTS) throw new Error(`measured ${windows.length} of ${POSTS} posts`);
  return windows;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

async function main(): Promise<void> {
  const rows: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulse-window-'));
  const azurite = await startAzurite();
  try {
    const backends: [string, KeyValueStore][] = [
      ['SQLite (file, WAL)', new SqliteStore(path.join(dir, 'pulse.db'))],
      [
        'Azure Blob (Azurite, loopback)',
        new AzureBlobStore({ connectionString: azurite.connectionString, container: 'bench-window' }),
      ],
    ];
    for (const [name, store] of backends) {
      const samples = await measure(store);
      const s = summarise(samples);
      const p99 = [...samples].sort((a, b) => a - b)[Math.ceil(0.99 * samples.length) - 1];
      rows.push(`| ${name} | ${s.runs} | ${fmt(s.median)} | ${fmt(s.p90)} | ${fmt(p99)} | ${fmt(s.max)} |`);
      await store.close();
    }
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const body = [
    'From the connector accepting a post to the first write of its activity id (`cardrefs/`) completing, through the',
    'real Outbox (`node dist/bench/delivery-window.js`). A process killed inside this window leaves a card Teams',
    'shows but the store does not know, and the next attempt (after the 60 s claim expires) posts it again; outside',
    'it, no card is posted twice. The window is one store write: on Azure Blob Storage, one blob upload.',
    '',
    '| Store | Posts | p50 ms | p90 ms | p99 ms | max ms |',
    '| ----- | ----: | -----: | -----: | -----: | -----: |',
    ...rows,
  ].join('\n');
  console.log(body);
  if (!args['no-write'])
    await writeSection(
      path.join(__dirname, '..', '..', 'docs', 'benchmarks.md'),
      'Delivery crash window',
      body,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
