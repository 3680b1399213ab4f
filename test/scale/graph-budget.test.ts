import assert from 'node:assert/strict';
import type { RequestLogEntry } from '../../src/simulator';
import { BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { demoIdentityEnv } from '../helpers/demo-env';
import { Cluster, sleep } from './cluster';

const FN = 'getMessageVolumeMetricsForEmailDelivery';
const LIMIT = 100;
const WINDOW_MS = 10 * 60_000;

/** Most requests for `fn` of `tenant` the simulator received in any 10 minutes (batch items and GETs alike). */
export function maxPerWindow(log: readonly RequestLogEntry[], tenant: string, fn: string): number {
  const times = log
    .filter((e) => (e.kind === 'graph' || e.kind === 'batch-item') && e.tenant === tenant && e.fn === fn)
    .map((e) => Date.parse(e.time))
    .sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[i] <= times[j] - WINDOW_MS) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('scale-out: three bot processes share one Graph request budget per tenant and metric', function () {
  this.timeout(180_000);
  const cluster = new Cluster((sim) => ({ ...demoIdentityEnv(sim), GRAPH_BUDGET_INSTANCES: '3' }));
  const say = (bot: string, t: string) => post(cluster.bot(bot).url, mentionMessage(cluster.serviceUrl, t));

  before(async function () {
    this.timeout(60_000);
    // Eleven minutes behind the wall clock, which chat commands read their time words against (see the advance).
    await cluster.start(Date.now() - 11 * 60_000, 'budget', { requestLogSize: 20_000 });
    await cluster.spawn('A', 'B', 'C');
    await cluster.settled();
    await post(
      cluster.bot('A').url,
      activity(cluster.serviceUrl, {
        type: 'conversationUpdate',
        scope: 'channel',
        membersAdded: [{ id: BOT.id }],
      }),
    );
    // The partition owner's monitor polls mail delivery too, so its share is spent alongside the chat turns.
    assert.equal((await say('A', 'subscribe exchange')).status, 200);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') cluster.dumpProblems();
  });
  after(() => cluster.stop());

  it('never lets the simulator see more than 100 requests of one metric in 10 minutes, whoever asks', async () => {
    // Past the first 10 minutes of the owner's lease, so it may use the monitor's reserve as well.
    cluster.advance(11 * 60_000);
    await sleep(2_000);
    // Each command reaches one hour further back, so every one misses its instance's cache.
    const hammer = (bot: string) =>
      (async () => {
        for (let h = 1; h <= 45; h++) await say(bot, `show mail delivery last ${h}h every 5 min`);
      })();
    await Promise.all(['A', 'B', 'C'].map(hammer));
    await sleep(6_000); // another monitor cycle on the owner
    const most = maxPerWindow(cluster.sim.requestLog, TENANT, FN);
    assert.ok(most <= LIMIT, `${most} requests for ${FN} in 10 minutes: above Graph's ${LIMIT}`);
    assert.ok(most >= 75, `every instance spent its share (${most} in 10 minutes)`);
  });
});
