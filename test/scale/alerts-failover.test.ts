import assert from 'node:assert/strict';
import { BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import type { CapturedCall } from '../helpers/capture-connector';
import { CYCLE_SECONDS, Cluster, LEASE_SECONDS, sleep, waitUntil } from './cluster';
import { findAction } from '../helpers/find-action';

const CHANNEL = '19:m365-alerts@thread.tacv2';
const text = (v: unknown) => JSON.stringify(v);
const CYCLE_MS = CYCLE_SECONDS * 1000;

describe('scale-out: three bot processes on one Blob container share the alert work', function () {
  this.timeout(120_000);
  const cluster = new Cluster();
  let messageId = '';
  const alertPosts = () =>
    cluster.connector.calls.filter(
      (c: CapturedCall) => c.method === 'POST' && text(c.body).includes('"verb":"alert.'),
    );
  const putsTo = (id: string) =>
    cluster.connector.calls.filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${id}`));
  const say = (bot: string, t: string) => post(cluster.bot(bot).url, mentionMessage(cluster.serviceUrl, t));

  before(async function () {
    this.timeout(60_000);
    // A Wednesday morning: office-hours mail volume, so a drop is well above the noise floor.
    await cluster.start(Date.parse('2026-11-25T10:02:00Z'));
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
    assert.equal((await say('A', 'subscribe exchange')).status, 200);
    assert.match(text(cluster.connector.cards().at(-1)), /[Ss]ubscribed/);
    assert.equal((await say('B', 'watch udp below 80%')).status, 200); // a rule of the tenant's own
    assert.match(text(cluster.connector.cards().at(-1)), /Rule added/);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') cluster.dumpProblems();
  });
  after(() => cluster.stop());

  it('posts exactly one alert card for an incident across the three instances', async () => {
    cluster.sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 90,
      tenantId: TENANT,
    });
    const first = await waitUntil('the alert card', () => alertPosts()[0], 4 * CYCLE_MS);
    await sleep(2 * CYCLE_MS + 500); // two more cycles on every instance
    assert.equal(alertPosts().length, 1, `one card, got ${alertPosts().length}`);
    assert.equal(first.conversationId, CHANNEL);
    assert.match(text(first.body), /Mail delivery/);
    messageId = first.responseId!;
  });

  it('acknowledging through another instance updates the card the owner posted', async () => {
    const owner = cluster.ownerOf();
    assert.ok(owner, 'one instance owns the tenant');
    const other = cluster.bots.find((b) => b !== owner && !b.exited())!;
    const card = (alertPosts()[0].body.attachments as { content: unknown }[])[0].content;
    const ack = findAction(card, 'alert.ack');
    assert.ok(ack, 'the card has an Acknowledge button');
    const res = await post(
      other.url,
      activity(cluster.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        scope: 'channel',
        replyToId: messageId,
        value: { action: { type: 'Action.Execute', verb: 'alert.ack', data: ack.data } },
      }),
    );
    assert.equal(res.status, 200);
    assert.match(text((res.body as { value: unknown }).value), /Acknowledged by Adele Vance/);
    const put = await waitUntil(
      'the acknowledged card update',
      () => putsTo(messageId).find((u) => /Acknowledged by Adele Vance/.test(text(u.body))),
      3 * CYCLE_MS,
    );
    assert.ok(put);
    assert.equal(alertPosts().length, 1, 'still one card');
  });

  it('restarting all three loses nothing: subscription, rule, incident and card reference survive', async () => {
    await Promise.all(cluster.bots.map((b) => b.stop()));
    await cluster.spawn('A2', 'B2', 'C2');
    await cluster.settled();
    await sleep(2 * CYCLE_MS + 500);
    assert.equal(alertPosts().length, 1, 'no duplicate card after the restart');
    cluster.connector.clear();
    await say('C2', 'subscriptions');
    assert.match(text(cluster.connector.cards().at(-1)), /Exchange/);
    cluster.connector.clear();
    await say('B2', 'alerts');
    assert.match(text(cluster.connector.cards().at(-1)), /Acknowledged/);
    await say('A2', 'rules');
    assert.match(text(cluster.connector.cards().at(-1)), /1 your own/);
    assert.match(text(cluster.connector.cards().at(-1)), /custom:teams-udp:below:80/);
  });

  it('killing the owner mid-incident still yields exactly one resolve, within lease time plus one cycle', async () => {
    const owner = cluster.ownerOf();
    assert.ok(owner, 'one instance owns the tenant');
    cluster.connector.clear();
    await owner.kill();
    const killedAt = Date.now();
    cluster.advance(60 * 60_000); // the incident ended long enough ago for recovery to show
    const resolved = await waitUntil(
      'the resolved card',
      () => putsTo(messageId).find((u) => /Resolved/.test(text(u.body))),
      (LEASE_SECONDS + 4 * CYCLE_SECONDS) * 1000,
    );
    const failoverMs = Date.now() - killedAt;
    console.log(
      `      failover: resolve posted ${(failoverMs / 1000).toFixed(1)} s after SIGKILL of ${owner.name}`,
    );
    await sleep(2 * CYCLE_MS + 500);
    assert.ok(resolved);
    assert.equal(
      putsTo(messageId).filter((u) => /Resolved/.test(text(u.body))).length,
      1,
      'exactly one resolve',
    );
    assert.equal(alertPosts().length, 0, 'no new card');
    assert.ok(failoverMs <= (LEASE_SECONDS + CYCLE_SECONDS) * 1000, `failover took ${failoverMs} ms`);
  });
});
