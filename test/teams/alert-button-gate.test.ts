import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../src/simulator';
import { BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector, type CapturedCall } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';
import { findAction } from '../helpers/find-action';

const text = (v: unknown) => JSON.stringify(v);
const isAlertPost = (c: CapturedCall) => c.method === 'POST' && text(c.body).includes('"verb":"alert.ack"');
/** A user of the tenant the bot has never checked (no access verdict yet). */
const MEGAN = { id: '29:megan', name: 'Megan Bowen', aadObjectId: '00000000-0000-4000-8000-00000000a002' };

/** The title of an answer card (its first TextBlock's text). */
function titleOf(card: unknown): string {
  const find = (v: unknown): string | undefined => {
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') return o.text;
    for (const child of Object.values(o)) {
      const hit = Array.isArray(child) ? child.map(find).find(Boolean) : find(child);
      if (hit) return hit;
    }
    return undefined;
  };
  return find(card) ?? '';
}

describe('alert buttons and chat commands share one admin gate (bot + simulated tenant)', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;
  let ackData: unknown;
  let messageId: string;
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
    await post(h.bot.url, mentionMessage(serviceUrl, 'subscribe exchange'));
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 65,
      tenantId: TENANT,
    });
    await h.bot.monitor!.runOnce();
    const posted = connector.calls.filter(isAlertPost).at(-1)!;
    messageId = posted.responseId!;
    ackData = findAction((posted.body.attachments as { content: unknown }[])[0].content, 'alert.ack')!.data;
  });
  after(async () => {
    await h?.stop();
    await connector?.stop();
    await sim?.close();
  });
  afterEach(() => sim.faults.clear());

  const press = async (verb: string, data: unknown, from = MEGAN) => {
    const res = await post(
      h.bot.url,
      activity(serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        scope: 'channel',
        from,
        replyToId: messageId,
        value: { action: { type: 'Action.Execute', verb, data } },
      }),
    );
    assert.equal(res.status, 200);
    return (res.body as { value: unknown }).value;
  };
  const say = async (t: string, from = MEGAN) => {
    connector.clear();
    await post(h.bot.url, { ...mentionMessage(serviceUrl, t), from });
    return connector.cards().at(-1);
  };

  it('a probe that proves nothing (Graph 500) gives the button the same retry answer as the chat command', async () => {
    sim.faults.set({ errorRate: 1, errorStatus: 500 });
    const chat = await say('unsubscribe exchange');
    const button = await press('alert.ack', ackData);
    assert.doesNotMatch(text(button), /Only admins can/, 'an unproven check is not a denial');
    assert.equal(titleOf(button), titleOf(chat), 'the button answers as the chat command does');
    assert.match(text(button), /Try again|try again/);
    sim.faults.clear();
    const history = await say('history 1d');
    assert.doesNotMatch(text(history), /Acknowledged by Megan/, 'nothing was changed');
  });
});
