import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../src/simulator';
import { BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector, type CapturedCall } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';

const text = (v: unknown) => JSON.stringify(v);
const isAlertPost = (c: CapturedCall) => c.method === 'POST' && text(c.body).includes('"verb":"alert.ack"');

describe('two monitor cycles of one instance that overlap (the timer and a catch-up)', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;
  const clock = Date.now();

  before(async () => {
    sim = await startSimulator({ now: () => new Date(clock) });
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness(demoIdentityEnv(sim), undefined, { monitor: false, now: () => clock });
    await post(
      h.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
    await post(h.bot.url, { ...mentionMessage(serviceUrl, 'subscribe exchange') });
  });
  after(async () => {
    await h?.stop();
    await connector?.stop();
    await sim?.close();
  });

  it('posts the incident card exactly once', async () => {
    connector.clear();
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -30,
      durationMinutes: 60,
      tenantId: TENANT,
    });
    await Promise.all([h.bot.monitor!.runOnce(), h.bot.monitor!.runOnce()]);
    const posts = connector.calls.filter(isAlertPost);
    assert.equal(posts.length, 1, `one card, got ${posts.length}`);
  });
});
