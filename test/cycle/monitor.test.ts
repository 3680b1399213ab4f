import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ConversationRegistry } from '../../src/conversations/registry';
import type { Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { Monitor } from '../../src/cycle/monitor';
import { IncidentRepository } from '../../src/alerts/incident-repository';
import type { CycleDeps } from '../../src/cycle/tenant-cycle';
import type { PartitionLeases } from '../../src/store/partitions/partition-leases';
import { SqliteStore } from '../../src/store/sqlite-store';

/** Leases a test hands out by tenant: partition n holds tenant `t<n>`. */
class ManualLeases implements PartitionLeases {
  private current: ReadonlySet<number> = new Set();
  private readonly listeners = new Set<(owned: ReadonlySet<number>) => void>();
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  owned(): ReadonlySet<number> {
    return this.current;
  }
  owns(tenantId: string): boolean {
    return this.current.has(Number(tenantId.slice(1)));
  }
  onChange(cb: (owned: ReadonlySet<number>) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  set(partitions: number[]): void {
    this.current = new Set(partitions);
    this.listeners.forEach((cb) => cb(this.current));
  }
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(done(), 'condition not met within 1 s');
}

const silentNotifier: Notifier = {
  post: async () => 'id',
  update: async () => undefined,
};

describe('Monitor: partitions gained between cycles are polled at once; moved ones are skipped', () => {
  let store: SqliteStore;
  let leases: ManualLeases;
  let polled: string[];
  let logs: Record<string, unknown>[];
  let onPoll: (tenantId: string) => void;
  let monitor: Monitor;

  beforeEach(() => {
    store = new SqliteStore(':memory:');
    leases = new ManualLeases();
    polled = [];
    logs = [];
    onPoll = () => undefined;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const outbox = new Outbox({
      store,
      registry: new ConversationRegistry(store),
      notifier: silentNotifier,
      budget: new SendBudget(),
      owner: 'test',
    });
    // A tenant with no subscription costs one read: enough to see which tenants a cycle visited, and in what order.
    const config = {
      tenants: async () => ['t0', 't1', 't2', 't3'],
      subscriptions: async (tenantId: string) => {
        polled.push(tenantId);
        onPoll(tenantId);
        return [];
      },
      rules: async () => [],
      setPaused: async () => undefined,
      setDigestSent: async () => undefined,
    } as unknown as CycleDeps['config'];
    monitor = new Monitor({
      cycle: { config, incidents: new IncidentRepository(store), outbox } as unknown as CycleDeps,
      outbox,
      leases,
      logger: pino({ level: 'info' }, sink),
      cycleMs: 3_600_000, // no scheduled cycle during a test
      concurrency: 1,
    });
  });
  afterEach(async () => {
    await monitor.stop();
    await store.close();
  });

  it('polls only tenants of partitions gained since the last cycle, right away, and logs the owned set', async () => {
    leases.set([0, 1]);
    monitor.start();
    await monitor.runOnce();
    assert.deepEqual(polled, ['t0', 't1']);
    polled = [];
    leases.set([0, 1, 3]); // a peer died: partition 3 moved here
    await until(() => logs.some((l) => l.msg === 'monitor caught up on gained tenants'));
    assert.deepEqual(polled, ['t3']);
    const owned = logs.filter((l) => l.msg === 'monitor partitions owned').map((l) => l.partitions);
    assert.deepEqual(owned, [
      [0, 1],
      [0, 1, 3],
    ]);
    assert.ok(logs.some((l) => l.msg === 'monitor caught up on gained tenants' && l.tenants === 1));
  });

  it('does not poll again when partitions are only given away', async () => {
    leases.set([0, 1, 2]);
    monitor.start();
    leases.set([0]);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(polled, []);
  });

  it('skips a tenant whose partition moved to another instance while the cycle was running', async () => {
    leases.set([0, 1, 2]);
    onPoll = (t) => t === 't0' && leases.set([0, 1]); // t2 leaves while t0 is being polled
    await monitor.runOnce();
    assert.deepEqual(polled, ['t0', 't1']);
  });
});

describe('Monitor: tenants removed from ALLOWED_TENANTS are no longer watched, and their data is kept', () => {
  it('skips their cycles, digests and pending cards at every cycle, logs it once per tenant, and writes nothing of theirs', async () => {
    const store = new SqliteStore(':memory:');
    const leases = new ManualLeases();
    leases.set([0, 1]);
    const registry = new ConversationRegistry(store);
    const posted: string[] = [];
    const notifier: Notifier = {
      post: async () => {
        posted.push('post');
        return 'id';
      },
      update: async () => undefined,
    };
    const outbox = new Outbox({ store, registry, notifier, budget: new SendBudget(), owner: 'test' });
    for (const t of ['t0', 't1'])
      await registry.upsert({ conversationId: `19:${t}`, tenantId: t, scope: 'channel', reference: {} });
    await outbox.enqueue({ tenantId: 't1', conversationId: '19:t1', cardKey: 'k', card: {} });
    const polled: string[] = [];
    const logs: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const config = {
      tenants: async () => ['t0', 't1'],
      subscriptions: async (tenantId: string) => {
        polled.push(tenantId);
        return [];
      },
    } as unknown as CycleDeps['config'];
    const monitor = new Monitor({
      cycle: { config, incidents: new IncidentRepository(store), outbox } as unknown as CycleDeps,
      outbox,
      leases,
      logger: pino({ level: 'info' }, sink),
      cycleMs: 3_600_000,
      tenantAllowed: (t) => t !== 't1',
    });
    try {
      const before = JSON.stringify(await store.list('outbox/t1/'));
      await monitor.runOnce();
      await monitor.runOnce();
      await outbox.drain((t) => t === 't0'); // another drain meanwhile does not matter: the monitor's skips t1
      assert.deepEqual(polled, ['t0', 't0']);
      assert.deepEqual(posted, []);
      assert.equal(
        JSON.stringify(await store.list('outbox/t1/')),
        before,
        'its pending card is kept as it was',
      );
      assert.deepEqual(Object.keys(await store.list('claims/')), []);
      const skips = logs.filter((l) => /not in ALLOWED_TENANTS/.test(String(l.msg)));
      assert.deepEqual(
        skips.map((l) => l.tenantId),
        ['t1'],
      );
    } finally {
      await monitor.stop();
      await store.close();
    }
  });
});

describe('Monitor: a cycle longer than the period never overlaps the next', () => {
  it('starts the next cycle at the first boundary after the last one ended, skipping the boundaries it overran', async () => {
    const store = new SqliteStore(':memory:');
    const leases = new ManualLeases();
    leases.set([0]);
    let active = 0;
    let maxActive = 0;
    const starts: number[] = [];
    const config = {
      tenants: async () => ['t0'],
      // Each cycle of the one tenant takes 250 ms, against a 100 ms period.
      subscriptions: async () => {
        starts.push(Date.now());
        maxActive = Math.max(maxActive, ++active);
        await new Promise((r) => setTimeout(r, 250));
        active--;
        return [];
      },
      rules: async () => [],
      setPaused: async () => undefined,
      setDigestSent: async () => undefined,
    } as unknown as CycleDeps['config'];
    const outbox = new Outbox({
      store,
      registry: new ConversationRegistry(store),
      notifier: silentNotifier,
      budget: new SendBudget(),
      owner: 'test',
    });
    const monitor = new Monitor({
      cycle: { config, incidents: new IncidentRepository(store), outbox } as unknown as CycleDeps,
      outbox,
      leases,
      logger: pino({ level: 'silent' }),
      cycleMs: 100,
    });
    try {
      monitor.start();
      for (let i = 0; i < 100 && starts.length < 3; i++) await new Promise((r) => setTimeout(r, 30));
      assert.ok(starts.length >= 3, `${starts.length} cycles in 3 s`);
      assert.equal(maxActive, 1, 'one cycle at a time');
      for (let i = 1; i < starts.length; i++)
        assert.ok(starts[i] - starts[i - 1] >= 250, `cycle ${i} began before the one before it ended`);
    } finally {
      await monitor.stop();
      await store.close();
    }
  });
});
