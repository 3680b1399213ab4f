import assert from 'node:assert/strict';
import { ConversationRegistry } from '../../src/conversations/registry';
import type { Notifier } from '../../src/delivery/notifier';
import { Outbox } from '../../src/delivery/outbox';
import { SendBudget } from '../../src/delivery/send-budget';
import { createGraphServices } from '../../src/graph/graph-services';
import { defaultRulesFor } from '../../src/monitor/rules';
import { IncidentRepository } from '../../src/alerts/incident-repository';
import { monitorMetrics } from '../../src/graph/monitor-metrics';
import { runTenantCycle, type CycleDeps } from '../../src/cycle/tenant-cycle';
import type { AlertCards, MonitorConfigSource, WatchedConversation } from '../../src/cycle/types';
import { alertCards } from '../../src/cycle/alert-renderers';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';
import { SqliteStore } from '../../src/store/sqlite-store';

const T = '00000000-0000-4000-8000-000000000001';
const CHANNEL = '19:m365-alerts@thread.tacv2';
const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const ADELE = { tenantId: T, oid: 'adele', name: 'Adele Vance' };

/** Cards as plain JSON of what they would show, so the test can read state without depending on layout. */
const cards: AlertCards = {
  group: ({ group }) => ({
    key: group.key,
    state: group.state,
    members: group.members.map((m) => [m.fn, m.state]),
  }),
  paused: ({ admins, reason }) => ({ paused: true, admins, reason }),
  digest: alertCards.digest,
};

class RecordingNotifier implements Notifier {
  readonly sent: { kind: 'post' | 'update'; id: string; card: Record<string, unknown> }[] = [];
  async post(_r: Record<string, unknown>, card: object) {
    const id = `msg-${this.sent.filter((s) => s.kind === 'post').length + 1}`;
    this.sent.push({ kind: 'post', id, card: card as Record<string, unknown> });
    return id;
  }
  async update(_r: Record<string, unknown>, id: string, card: object) {
    this.sent.push({ kind: 'update', id, card: card as Record<string, unknown> });
  }
}

describe('monitor cycle: subscriptions → batched fetch → evaluate → incidents → one card per incident', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let now = Date.parse('2026-11-25T08:02:00Z'); // a Wednesday morning
  let store: SqliteStore;
  let notifier: RecordingNotifier;
  let deps: CycleDeps;
  let subs: WatchedConversation[];

  before(async () => (sim = await startSimulator({ now: () => new Date(now), ingestionLagMinutes: 10 })));
  after(() => sim.close());
  beforeEach(async () => {
    now = Date.parse('2026-11-25T08:02:00Z');
    sim.scenarios.clear();
    store = new SqliteStore(':memory:');
    const registry = new ConversationRegistry(store);
    await registry.upsert({ conversationId: CHANNEL, tenantId: T, scope: 'channel', reference: {} });
    notifier = new RecordingNotifier();
    const graph = createGraphServices(sim.url, () => now);
    subs = [
      {
        id: 's1',
        tenantId: T,
        conversationId: CHANNEL,
        scope: { kind: 'service', service: 'exchange' },
        admin: ADELE,
        locale: 'en-GB',
        timeZone: 'UTC',
      },
    ];
    const rules = defaultRulesFor([MAIL], {
      tenantId: T,
      createdBy: { id: 'adele', name: 'Adele' },
      createdAt: new Date(now).toISOString(),
    });
    const config: MonitorConfigSource = {
      tenants: async () => [T],
      subscriptions: async () => subs,
      rules: async () => rules,
      setDigestSent: async (sub, at) => {
        subs = subs.map((s) =>
          s.id === sub.id && s.digest ? { ...s, digest: { ...s.digest, lastSentAt: at } } : s,
        );
      },
      setPaused: async (sub, paused) => {
        subs = subs.map((s) => (s.id === sub.id ? { ...s, paused } : s));
      },
    };
    deps = {
      config,
      metrics: monitorMetrics(graph.metrics),
      credential: async () => ({
        kind: 'app',
        token: sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] }),
      }),
      incidents: new IncidentRepository(store),
      outbox: new Outbox({
        store,
        registry,
        notifier,
        budget: new SendBudget(),
        owner: 'test',
        now: () => now,
      }),
      cards,
    };
  });
  afterEach(() => store.close());

  const cycle = async () => {
    const r = await runTenantCycle(T, now, deps);
    await deps.outbox.drain();
    return r;
  };

  it('stays quiet on a normal morning, then fires once for a mail delivery drop and resolves after it', async () => {
    const quiet = await cycle();
    assert.equal(quiet.rules, 1);
    assert.equal(quiet.evaluations.breach, 0, JSON.stringify(quiet));
    assert.equal(notifier.sent.length, 0);

    sim.scenarios.start({
      name: 'mail-delivery-drop',
      at: new Date(now + 5 * 60_000),
      durationMinutes: 60,
      tenantId: T,
    });
    for (let i = 0; i < 8; i++) {
      now += 15 * 60_000;
      const r = await cycle();
      if (process.env.DEBUG_CYCLE)
        console.log(new Date(now).toISOString(), JSON.stringify(r.evaluations), r.errors);
    }
    const posts = notifier.sent.filter((s) => s.kind === 'post');
    assert.equal(posts.length, 1, `exactly one card: ${JSON.stringify(notifier.sent)}`);
    assert.equal(posts[0].card.state, 'firing');
    const last = notifier.sent.at(-1)!;
    assert.equal(last.id, posts[0].id, 'later changes update the same message');
    assert.equal(
      last.card.state,
      'resolved',
      JSON.stringify(notifier.sent.map((s) => [s.kind, s.card.state])),
    );
  });

  it('posts the daily digest once, at its time in its zone', async () => {
    subs = subs.map((s) => ({
      ...s,
      digest: { at: '09:00', timeZone: 'Europe/Berlin', since: '2026-11-24T12:00:00Z' },
    }));
    now = Date.parse('2026-11-25T07:30:00Z'); // 08:30 in Berlin: not yet
    assert.equal((await cycle()).digests, 0);
    now = Date.parse('2026-11-25T08:01:00Z'); // 09:01 in Berlin
    assert.equal((await cycle()).digests, 1);
    assert.equal((await cycle()).digests, 0, 'once a day');
    const digest = notifier.sent.find((s) => s.card.type === 'AdaptiveCard');
    assert.ok(digest && JSON.stringify(digest.card).includes('Exchange Online'));
  });

  it('pauses the subscription with one card naming the admin when no identity can read, and resumes later', async () => {
    const realCredential = deps.credential;
    deps.credential = async (_t, _p, admins) => ({
      kind: 'none',
      reason: 'no app permission, sign-in expired',
      admins: [...admins],
    });
    await cycle();
    await cycle();
    const paused = notifier.sent.filter((s) => s.card.paused);
    assert.equal(paused.length, 1, 'one card, not one per cycle');
    assert.deepEqual(paused[0].card.admins, ['Adele Vance']);
    assert.ok(subs[0].paused);
    deps.credential = realCredential;
    await cycle();
    assert.equal(subs[0].paused, undefined);
  });

  it('pauses with a card naming the reason when picking an identity throws, and retries at the next cycle', async () => {
    const realCredential = deps.credential;
    deps.credential = async () => {
      throw new Error('Storage unavailable (503) on read tokencache/x/app');
    };
    const report = await cycle();
    assert.equal(report.paused, 1);
    assert.match(report.errors.join(' '), /503/);
    const paused = notifier.sent.filter((s) => s.card.paused);
    assert.equal(paused.length, 1);
    assert.match(String(paused[0].card.reason), /could not pick an identity.*503/);
    deps.credential = realCredential;
    const next = await cycle();
    assert.equal(subs[0].paused, undefined, 'resumed as soon as an identity works');
    assert.equal(next.fetched, 1);
  });
});
