import { readFileSync, writeFileSync } from 'node:fs';
import type { Simulator } from '../../src/simulator';
import { AzureBlobStore } from '../../src/store/azure-blob/azure-blob-store';
import { ADELE, BOT, TENANT, activity, post } from '../helpers/activities';
import type { CapturedCall } from '../helpers/capture-connector';
import { spawnBot } from '../helpers/bot-process';
import { demoIdentityEnv } from '../helpers/demo-env';
import { findAction } from '../helpers/find-action';
import { Cluster, sleep, waitUntil } from '../scale/cluster';
import { FaultProxy, type FaultKind, type ProxyFaults } from './fault-proxy';

const CHANNEL = '19:m365-alerts@thread.tacv2';
const GROUP_CHAT = '19:ops-chat@thread.v2';

/** What a chaos run does: rounds of incidents under faults, with instances killed on the way. */
export interface ChaosOptions {
  /** Rounds: each starts two incidents (Exchange and Teams), acknowledges one, then resolves both. */
  rounds: number;
  /** Fault rates (shares of requests) on the store, Graph and the connector. */
  store: ProxyFaults;
  graph: ProxyFaults;
  connector: ProxyFaults;
  /** Share of Graph answers the simulator truncates (malformed JSON). */
  graphMalformedRate: number;
  /** Log progress lines. */
  log?: (line: string) => void;
}

/** A lifecycle change the run caused and how long its card took to arrive (ms), under faults. */
interface Delay {
  what: 'post' | 'ack' | 'resolve';
  ms: number;
}

/** The run's outcome: faults and kills injected, what was delivered, and every invariant violated. */
export interface ChaosReport {
  rounds: number;
  wallMs: number;
  simulatedMinutes: number;
  faults: Record<'store' | 'graph' | 'connector', Record<FaultKind, number>>;
  /** Graph answers the simulator itself faulted (malformed bodies). */
  graphFaultsBySimulator: number;
  kills: { midDelivery: number; midCycle: number };
  instancesStarted: number;
  cardsExpected: number;
  cardsPosted: number;
  duplicates: number;
  lost: number;
  updates: number;
  updatesOutOfOrder: number;
  updatesToUnknownMessages: number;
  cardsNotResolved: number;
  pendingAtEnd: number;
  deadLetters: number;
  rateLimitBreaches: number;
  delays: Delay[];
  /** RSS (MiB) of each surviving original instance at the start and end of the faults. */
  memory: { name: string; startMiB: number; endMiB: number }[];
  violations: string[];
}

/** Firing, acknowledged, resolved: an update never goes back. */
function stateRank(card: unknown): number {
  const t = JSON.stringify(card);
  if (/Resolved/.test(t)) return 2;
  if (/Acknowledged by/.test(t)) return 1;
  return 0;
}

const isAlertCard = (c: CapturedCall) => JSON.stringify(c.body).includes('"verb":"alert.');
const rssMiB = (pid: number): number => {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

/**
 * Three bot processes on Azurite behind fault proxies (store, Graph, connector), the simulated tenant and a capture
 * connector: rounds of incidents, acknowledgements and resolutions while faults are injected and the tenant's owner is
 * SIGKILLed mid-delivery (while its post is held at the connector) and mid-cycle (while its Graph call is held),
 * then restarted. Then faults stop, the outbox drains, and the captured calls are checked against the store.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const t0 = Date.now();
  const log = o.log ?? (() => undefined);
  const storeProxy = new FaultProxy(11);
  const graphProxy = new FaultProxy(22);
  const connectorProxy = new FaultProxy(33);
  const proxies = { store: storeProxy, graph: graphProxy, connector: connectorProxy };
  let storeUrl = '';
  let graphUrl = '';
  const cluster = new (class extends Cluster {
    override env(): Record<string, string> {
      const env = super.env();
      return {
        ...env,
        GRAPH_BASE_URL: graphUrl,
        AZURE_STORAGE_CONNECTION_STRING: env.AZURE_STORAGE_CONNECTION_STRING.replace(
          /BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/,
          `BlobEndpoint=${storeUrl}`,
        ),
      };
    }
  })((sim: Simulator) => demoIdentityEnv(sim));
  const acceptedAt = new Map<CapturedCall, number>();
  const violations: string[] = [];
  const delays: Delay[] = [];
  const kills = { midDelivery: 0, midCycle: 0 };
  let started = 0;
  let names = 0;
  const startedAt = Date.parse('2026-11-25T10:02:00Z');
  try {
    // Tokens for a simulated day: the clock moves hours ahead while msal judges expiry on the real clock.
    // Tokens outlive the run's simulated days (the clock jumps over nights and weekends; msal caches by real time).
    await cluster.start(startedAt, 'chaos', { tokenLifetimeSeconds: 7 * 24 * 3600 });
    storeUrl = await storeProxy.start(new URL(cluster.azurite.accountUrl).origin);
    graphUrl = await graphProxy.start(new URL(cluster.sim.url).origin);
    const serviceUrl = `${await connectorProxy.start(new URL(cluster.serviceUrl).origin)}/`;
    cluster.connector.respondWith = (call) => {
      acceptedAt.set(call, Date.now());
      return undefined;
    };
    const spawn = async (n = 1) => {
      // Startup can take a while on a loaded CI machine: 90 s rather than spawnBot's default 30 s.
      const bots = await Promise.all(
        Array.from({ length: n }, () => spawnBot(`bot${++names}`, cluster.env(), 90_000)),
      );
      cluster.bots.push(...bots);
      started += bots.length;
      return bots;
    };
    await spawn(3);
    await cluster.settled(90_000);
    const live = () => cluster.bots.filter((b) => !b.exited());
    const say = async (scope: 'channel' | 'groupChat', text: string) => {
      const res = await post(
        live()[0].url,
        activity(serviceUrl, {
          scope,
          text: `<at>${BOT.name}</at> ${text}`,
          entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
        }),
      );
      if (res.status !== 200) throw new Error(`"${text}" answered ${res.status}`);
    };
    for (const scope of ['channel', 'groupChat'] as const)
      await post(
        live()[0].url,
        activity(serviceUrl, { scope, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] }),
      );
    await say('channel', 'subscribe exchange');
    await say('channel', 'subscribe teams');
    await say('groupChat', 'subscribe exchange');
    const setupCalls = cluster.connector.calls.length;
    const memoryAtStart = live().map((b) => ({ name: b.name, pid: b.pid, startMiB: rssMiB(b.pid) }));

    // Faults on.
    storeProxy.set(o.store);
    graphProxy.set(o.graph);
    connectorProxy.set({ ...o.connector, applies: (r) => r.method !== 'GET' });
    cluster.sim.faults.set({ malformedRate: o.graphMalformedRate });

    const alertCalls = () => cluster.connector.calls.slice(setupCalls).filter(isAlertCard);
    const posts = () => alertCalls().filter((c) => c.method === 'POST');
    const expected: { conversationId: string; service: RegExp; round: number }[] = [];
    const killOwner = async (why: 'midDelivery' | 'midCycle') => {
      const owner = cluster.ownerOf();
      if (!owner) return false;
      await owner.kill();
      kills[why]++;
      log(`  SIGKILL ${owner.name} (${why})`);
      return true;
    };
    /** Holds the next request `match` accepts, SIGKILLs the owner meanwhile, then lets it go (dropped if its sender died). */
    const armKill = (
      proxy: FaultProxy,
      why: 'midDelivery' | 'midCycle',
      match: (m: string, url: string) => boolean,
    ) => {
      let armed = true;
      proxy.hold = (req) => {
        if (!armed || !match(req.method, req.url)) return undefined;
        armed = false;
        // No single owner right now (partitions moving): try again on the next matching request.
        return killOwner(why).then((killed) => void (armed = !killed));
      };
    };

    for (let round = 1; round <= o.rounds; round++) {
      const before = posts().length;
      const roundStart = Date.now();
      log(`round ${round}: incidents in Exchange and Teams`);
      // An hour after the last round's incidents resolved, so the new ones open cards of their own.
      if (round > 1) cluster.advance(60 * 60_000);
      // Business hours on a weekday: at night or at a weekend the simulated tenant is so quiet that a meeting-join drop
      // is (rightly) judged low volume and alerts nobody, and the round would wait for a card that cannot come.
      cluster.advance(untilWorkingHours(cluster.now()));
      // The incidents start a minute from now and the clock jumps half an hour: buckets the monitors already read
      // stay as they were read, as in production, and the next cycle finds six breaching ones.
      for (const name of ['mail-delivery-drop', 'meeting-join-drop'])
        cluster.sim.scenarios.start({ name, startsInMinutes: 1, durationMinutes: 60, tenantId: TENANT });
      expected.push(
        { conversationId: CHANNEL, service: /Exchange|Mail/, round },
        { conversationId: GROUP_CHAT, service: /Exchange|Mail/, round },
        { conversationId: CHANNEL, service: /Teams|[Mm]eeting/, round },
      );
      // Kill the owner while its first post of the round is held at the connector.
      armKill(connectorProxy, 'midDelivery', (m, url) => m === 'POST' && /\/activities/.test(url));
      cluster.advance(31 * 60_000);
      await waitUntil(
        'a post to arrive or the kill',
        () => (kills.midDelivery >= round || posts().length > before ? true : undefined),
        90_000,
      );
      if (live().length < 3) await spawn(3 - live().length);
      await waitUntil(
        "the round's three cards",
        () => (posts().length - before >= 3 ? true : undefined),
        120_000,
      );
      for (const c of posts().slice(before))
        delays.push({ what: 'post', ms: acceptedAt.get(c)! - roundStart });

      // Acknowledge the Exchange card in the channel through any live instance; a failed invoke is retried, as a user would.
      const mail = posts()
        .slice(before)
        .find((c) => c.conversationId === CHANNEL && /Mail delivery/.test(JSON.stringify(c.body)))!;
      const ack = findAction((mail.body.attachments as { content: unknown }[])[0].content, 'alert.ack');
      if (!ack) throw new Error('the Exchange card has no Acknowledge button');
      const ackAt = Date.now();
      for (let attempt = 0; ; attempt++) {
        const bot = live()[attempt % live().length];
        const res = await post(
          bot.url,
          activity(serviceUrl, {
            type: 'invoke',
            name: 'adaptiveCard/action',
            scope: 'channel',
            from: ADELE,
            replyToId: mail.responseId,
            value: { action: { type: 'Action.Execute', verb: 'alert.ack', data: ack.data } },
          }),
        ).catch(() => ({ status: 0, body: undefined }));
        if (res.status === 200 && /Acknowledged by/.test(JSON.stringify(res.body))) break;
        if (attempt >= 20) throw new Error(`acknowledge kept failing: ${res.status}`);
        await sleep(500);
      }
      const ackPut = await waitUntil(
        'the acknowledged update',
        () =>
          alertCalls().find(
            (c) => c.method === 'PUT' && c.path.endsWith(`/${mail.responseId}`) && stateRank(c.body) === 1,
          ),
        120_000,
      );
      delays.push({ what: 'ack', ms: acceptedAt.get(ackPut)! - ackAt });

      // End the incidents: the clock moves on, and the owner is killed while its Graph call of the next cycle is
      // held (mid-cycle); whoever takes the tenant over resolves them.
      log(`round ${round}: resolving`);
      armKill(graphProxy, 'midCycle', (_m, url) => /serviceActivity|\$batch/.test(url));
      const resolveAt = Date.now();
      cluster.advance(120 * 60_000);
      await waitUntil('the mid-cycle kill', () => (kills.midCycle >= round ? true : undefined), 60_000);
      if (live().length < 3) await spawn(3 - live().length);
      const ids = posts()
        .slice(before)
        .map((c) => c.responseId!);
      await waitUntil(
        'every card of the round resolved',
        () =>
          ids.every((id) =>
            alertCalls().some(
              (c) => c.method === 'PUT' && c.path.endsWith(`/${id}`) && stateRank(c.body) === 2,
            ),
          )
            ? true
            : undefined,
        180_000,
      );
      for (const id of ids) {
        const put = alertCalls().find(
          (c) => c.method === 'PUT' && c.path.endsWith(`/${id}`) && stateRank(c.body) === 2,
        )!;
        delays.push({ what: 'resolve', ms: acceptedAt.get(put)! - resolveAt });
      }
    }

    // Faults off; let every instance finish what it has, then compare what arrived with what the store holds.
    for (const p of Object.values(proxies)) {
      p.set({});
      p.hold = undefined;
    }
    cluster.sim.faults.set({});
    const memory = memoryAtStart
      .filter((m) => cluster.bots.some((b) => b.pid === m.pid && !b.exited()))
      .map((m) => ({ name: m.name, startMiB: m.startMiB, endMiB: rssMiB(m.pid) }));
    const store = new AzureBlobStore({
      connectionString: cluster.azurite.connectionString,
      container: 'chaos',
    });
    const pending = async () => Object.keys(await store.list('outbox/')).length;
    for (let i = 0; i < 300 && (await pending()) > 0; i++) await sleep(200);
    await sleep(6_000); // one more drain and cycle on every instance: anything late would show now
    const pendingAtEnd = await pending();
    const refs = Object.entries(await store.list(`cardrefs/${TENANT}/`)).map(([key, v]) => ({
      key,
      conversationId: decodeURIComponent(key.split('/')[2]),
      activityId: String(v.activityId),
    }));
    const deadLetters = Object.keys(await store.list(`deadletters/${TENANT}/`)).length;
    await store.close();

    // Every alert post is known to the store (one card reference each): an untracked post is a duplicate.
    const all = alertCalls();
    const allPosts = all.filter((c) => c.method === 'POST');
    const refIds = new Set(refs.map((r) => r.activityId));
    const untracked = allPosts.filter((c) => !refIds.has(c.responseId!));
    const perRef = refs.map((r) => allPosts.filter((c) => c.responseId === r.activityId).length);
    const duplicates = untracked.length + perRef.filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
    if (duplicates) violations.push(`${duplicates} duplicate alert posts`);
    // Every expected card was posted (per round, conversation and service).
    const byRound = new Map<number, CapturedCall[]>();
    let lost = 0;
    for (const e of expected) {
      const seen = byRound.get(e.round) ?? [];
      const hit = allPosts.find(
        (c) =>
          !seen.includes(c) &&
          c.conversationId === e.conversationId &&
          e.service.test(JSON.stringify(c.body)),
      );
      if (hit) byRound.set(e.round, [...seen, hit]);
      else lost++;
    }
    if (lost) violations.push(`${lost} expected cards never posted`);
    // Updates land on posted messages of their conversation, in lifecycle order, ending resolved.
    let outOfOrder = 0;
    let notResolved = 0;
    const puts = all.filter((c) => c.method === 'PUT');
    const unknown = puts.filter(
      (u) =>
        !allPosts.some(
          (p) => p.conversationId === u.conversationId && u.path.endsWith(`/activities/${p.responseId}`),
        ),
    ).length;
    if (unknown) violations.push(`${unknown} updates to messages never posted`);
    for (const p of allPosts) {
      const seq = [p, ...puts.filter((u) => u.path.endsWith(`/activities/${p.responseId}`))].map((c) =>
        stateRank(c.body),
      );
      for (let i = 1; i < seq.length; i++) if (seq[i] < seq[i - 1]) outOfOrder++;
      if (seq.at(-1) !== 2) notResolved++;
    }
    if (outOfOrder) violations.push(`${outOfOrder} updates arrived out of lifecycle order`);
    if (notResolved) violations.push(`${notResolved} cards do not end resolved`);
    if (pendingAtEnd) violations.push(`${pendingAtEnd} outbox items still pending`);
    if (deadLetters) violations.push(`${deadLetters} dead letters`);
    // Teams' per-conversation limits: 7 per second, 8 per 2 s, 60 per 30 s.
    let breaches = 0;
    const sent = cluster.connector.calls.filter((c) => c.method !== 'GET');
    for (const conv of new Set(sent.map((c) => c.conversationId))) {
      const times = sent
        .filter((c) => c.conversationId === conv)
        .map((c) => acceptedAt.get(c) ?? 0)
        .sort((a, b) => a - b);
      for (const [windowMs, limit] of [
        [1_000, 7],
        [2_000, 8],
        [30_000, 60],
      ])
        for (let i = 0; i + limit < times.length; i++) if (times[i + limit] - times[i] < windowMs) breaches++;
    }
    if (breaches) violations.push(`${breaches} sends past Teams' per-conversation limits`);

    return {
      rounds: o.rounds,
      wallMs: Date.now() - t0,
      simulatedMinutes: Math.round((cluster.now() - startedAt) / 60_000),
      faults: {
        store: { ...storeProxy.injected },
        graph: { ...graphProxy.injected },
        connector: { ...connectorProxy.injected },
      },
      graphFaultsBySimulator: cluster.sim.counters.faultsInjected,
      kills,
      instancesStarted: started,
      cardsExpected: expected.length,
      cardsPosted: allPosts.length,
      duplicates,
      lost,
      updates: puts.length,
      updatesOutOfOrder: outOfOrder,
      updatesToUnknownMessages: unknown,
      cardsNotResolved: notResolved,
      pendingAtEnd,
      deadLetters,
      rateLimitBreaches: breaches,
      delays,
      memory,
      violations,
    };
  } catch (err) {
    cluster.dumpProblems(process.env.CHAOS_DUMP ? 180_000 : 0);
    for (const c of cluster.connector.calls)
      log(
        `  ${c.method} ${c.path.slice(0, 90)} -> ${c.responseId} state=${stateRank(c.body)} ${isAlertCard(c) ? 'alert' : ''}`,
      );
    if (process.env.CHAOS_DUMP) {
      const store = new AzureBlobStore({
        connectionString: cluster.azurite.connectionString,
        container: 'chaos',
      });
      for (const prefix of ['cardrefs/', 'incidents/', 'outbox-done/', 'outbox/'])
        for (const [k, v] of Object.entries(await store.list(prefix)))
          log(`  ${k} ${JSON.stringify({ ...v, card: undefined }).slice(0, 400)}`);
      log(`  (clock now ${cluster.now()})`);
      await store.close();
      for (const b of cluster.bots)
        writeFileSync(
          `${process.env.CHAOS_DUMP}-${b.name}.log`,
          b.lines.map((l) => JSON.stringify(l)).join('\n'),
        );
    }
    throw err;
  } finally {
    await cluster.stop();
    await Promise.all(Object.values(proxies).map((p) => p.stop()));
  }
}

/** Ms from `at` to the next moment inside 09:00–16:00 UTC on a weekday (0 when `at` is inside). */
export function untilWorkingHours(at: number): number {
  const t = new Date(at);
  const weekday = (d: Date) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
  if (weekday(t) && t.getUTCHours() >= 9 && t.getUTCHours() < 16) return 0;
  const next = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), 9, 30));
  if (next.getTime() <= at) next.setUTCDate(next.getUTCDate() + 1);
  while (!weekday(next)) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - at;
}
