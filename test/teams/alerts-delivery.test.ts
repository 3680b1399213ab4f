import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector, type CapturedCall } from '../helpers/capture-connector';
import { demoIdentityEnv } from '../helpers/demo-env';

const text = (v: unknown) => JSON.stringify(v);
const alertPosts = (c: CaptureConnector) =>
  c.calls.filter((x: CapturedCall) => x.method === 'POST' && text(x.body).includes('"verb":"alert.'));

describe('alert delivery: restarts, grouped incidents, quiet hours', function () {
  this.timeout(90_000);
  let sim: Simulator;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let clock: number;
  let dir: string;
  let h: Harness | undefined;

  const start = async () =>
    (h = await startHarness(demoIdentityEnv(sim), dir, { monitor: false, now: () => clock }));
  const say = (t: string) => post(h!.bot.url, mentionMessage(serviceUrl, t));

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T10:02:00Z');
    sim = await startSimulator({ now: () => new Date(clock) });
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    dir = mkdtempSync(join(tmpdir(), 'pulse-alerts-'));
    await start();
    await post(
      h!.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
  });
  afterEach(async () => {
    await h?.stop({ keepData: true });
    await connector.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives a restart in the middle of an incident: no duplicate card, and the resolve still arrives', async () => {
    await say('subscribe exchange');
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 65,
      tenantId: TENANT,
    });
    await h!.bot.monitor!.runOnce();
    assert.equal(alertPosts(connector).length, 1);
    const messageId = alertPosts(connector)[0].responseId!;

    await h!.stop({ keepData: true });
    await start();
    await h!.bot.monitor!.runOnce();
    assert.equal(alertPosts(connector).length, 1, 'no duplicate after the restart');
    clock += 55 * 60_000;
    await h!.bot.monitor!.runOnce();
    const resolved = connector.calls
      .filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`))
      .at(-1);
    assert.ok(resolved, 'the original card is updated');
    assert.match(text(resolved.body), /Resolved/);
  });

  it('posts one grouped card when several metrics of one service break together', async () => {
    await say('subscribe teams');
    sim.scenarios.start({
      name: 'teams-outage',
      startsInMinutes: -60,
      durationMinutes: 120,
      tenantId: TENANT,
    });
    await h!.bot.monitor!.runOnce();
    const posts = alertPosts(connector);
    assert.equal(posts.length, 1, `one grouped card, got ${posts.length}`);
    assert.match(text(posts[0].body), /"incidentIds":\["[^"]+","[^"]+/, 'the card acts on several incidents');
  });

  it('delivers every alert once after the connector answered 429 for a while, within the send budget', async () => {
    await say('subscribe all');
    let throttledUntil = Date.now() + 3_000;
    connector.respondWith = () =>
      Date.now() < throttledUntil
        ? { status: 429, headers: { 'retry-after': '1' }, body: { error: 'throttled' } }
        : undefined;
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 240,
      tenantId: TENANT,
    });
    sim.scenarios.start({
      name: 'teams-outage',
      startsInMinutes: -60,
      durationMinutes: 240,
      tenantId: TENANT,
    });
    await h!.bot.monitor!.runOnce();
    const deadline = Date.now() + 20_000;
    while (alertPosts(connector).filter((c) => c.responseId).length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      await h!.bot.monitor!.runOnce();
    }
    throttledUntil = 0;
    const delivered = alertPosts(connector).filter((c) => c.responseId);
    assert.equal(delivered.length, 2, 'one card per incident group, each delivered once');
    const cards = delivered.map((c) => text(c.body));
    assert.ok(cards.some((c) => /Mail delivery/.test(c)) && cards.some((c) => /Microsoft Teams/.test(c)));
    const refused = connector.calls.filter((c) => c.method === 'POST' && !c.responseId).length;
    assert.ok(refused > 0, 'the connector did throttle some attempts');
  });

  it('holds alerts during quiet hours and releases them when they end', async () => {
    await say('subscribe exchange');
    await say('quiet 09:00-11:00 UTC');
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 240,
      tenantId: TENANT,
    });
    await h!.bot.monitor!.runOnce();
    assert.equal(alertPosts(connector).length, 0, 'held during quiet hours');
    clock = Date.parse('2026-11-25T11:00:30Z');
    await h!.bot.monitor!.runOnce();
    assert.equal(alertPosts(connector).length, 1, 'released once after quiet hours');
  });
});
