import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../src/simulator';
import { BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector, type CapturedCall } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';
import { findAction } from '../helpers/find-action';

const CHANNEL = '19:m365-alerts@thread.tacv2';
const text = (v: unknown) => JSON.stringify(v);
const isAlertPost = (c: CapturedCall) => c.method === 'POST' && text(c.body).includes('"verb":"alert.ack"');

describe('proactive alerts end to end (bot + simulated tenant + capture connector)', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;

  let clock = Date.now();

  before(async () => {
    sim = await startSimulator({ now: () => new Date(clock) });
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness(demoIdentityEnv(sim), undefined, { monitor: false, now: () => clock });
    await post(
      h.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
    const res = await post(h.bot.url, { ...mentionMessage(serviceUrl, 'subscribe exchange') });
    assert.equal(res.status, 200);
    assert.match(text(connector.cards().at(-1)), /[Ss]ubscribed/);
  });
  after(async () => {
    await h?.stop();
    await connector?.stop();
    await sim?.close();
  });

  it('posts exactly one alert card for an incident, acknowledges it in place, and resolves it when it ends', async () => {
    connector.clear();
    // Started an hour ago, ends in 5 minutes: breaching buckets now, healthy ones 55 minutes from now.
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 65,
      tenantId: TENANT,
    });
    // Two cycles at once (the timer and a catch-up after a partition move), then the next one: one card.
    await Promise.all([h.bot.monitor!.runOnce(), h.bot.monitor!.runOnce()]);
    await h.bot.monitor!.runOnce();
    const posts = connector.calls.filter(isAlertPost);
    assert.equal(posts.length, 1, `one card, got ${posts.length}`);
    assert.equal(posts[0].conversationId, CHANNEL);
    const card = (posts[0].body.attachments as { content: unknown }[])[0].content;
    assert.match(text(card), /Mail delivery/);
    const messageId = posts[0].responseId!;

    const ack = findAction(card, 'alert.ack');
    assert.ok(ack, 'the card has an Acknowledge button');
    assert.doesNotMatch(text(card), /"key":/, 'no action data property named key (it breaks web clients)');
    // A card posted by an earlier version carries `key` instead of `incidentKey`: its buttons keep working.
    const { incidentKey, ...rest } = ack.data as { incidentKey: string };
    const olderCard = { ...rest, key: incidentKey };
    const details = await post(
      h.bot.url,
      activity(serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        scope: 'channel',
        replyToId: messageId,
        value: { action: { type: 'Action.Execute', verb: 'alert.details', data: olderCard } },
      }),
    );
    assert.equal(details.status, 200);
    const detailsCard = (details.body as { value: unknown }).value;
    assert.match(text(detailsCard), /alert · details/);
    assert.doesNotMatch(text(detailsCard), /"key":/, 'the answer uses the new name');
    const res = await post(
      h.bot.url,
      activity(serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        scope: 'channel',
        replyToId: messageId,
        value: { action: { type: 'Action.Execute', verb: 'alert.ack', data: olderCard } },
      }),
    );
    assert.equal(res.status, 200);
    assert.match(text((res.body as { value: unknown }).value), /Acknowledged by Adele Vance/);
    await h.bot.monitor!.runOnce();
    const updates = connector.calls.filter((c) => c.method === 'PUT');
    assert.ok(
      updates.some(
        (u) =>
          u.path.endsWith(`/activities/${messageId}`) && /Acknowledged by Adele Vance/.test(text(u.body)),
      ),
    );

    clock += 55 * 60_000;
    await h.bot.monitor!.runOnce();
    // Microsoft's incident paired with the scenario has its own card (and updates): look at the alert's message.
    const last = connector.calls
      .filter((c) => c.method === 'PUT' && text(c.body).includes('"verb":"alert.'))
      .at(-1)!;
    assert.ok(last.path.endsWith(`/activities/${messageId}`), 'the same message is updated');
    assert.match(text(last.body), /Resolved/);
    assert.equal(connector.calls.filter(isAlertPost).length, 1, 'still one card');
  });

  it('lists the open incident and the audit trail', async () => {
    connector.clear();
    await post(h.bot.url, mentionMessage(serviceUrl, 'history 1d'));
    assert.match(text(connector.cards().at(-1)), /Adele Vance/);
  });
});
