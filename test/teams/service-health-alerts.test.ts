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
const isIssueCard = (c: CapturedCall) => text(c.body).includes('Updates from Microsoft');
const issuePosts = (c: CaptureConnector) => c.calls.filter((x) => x.method === 'POST' && isIssueCard(x));
const issueUpdates = (c: CaptureConnector, activityId: string) =>
  c.calls.filter((x) => x.method === 'PUT' && x.path.endsWith(`/activities/${activityId}`) && isIssueCard(x));
const alertPosts = (c: CaptureConnector) =>
  c.calls.filter((x) => x.method === 'POST' && text(x.body).includes('"verb":"alert.'));

describe("Microsoft's issues in a channel: one card per issue, updated in place, never posted twice", function () {
  this.timeout(120_000);
  let sim: Simulator;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let clock: number;
  let dir: string;
  const running: Harness[] = [];

  const start = async () => {
    const h = await startHarness(demoIdentityEnv(sim), dir, { monitor: false, now: () => clock });
    running.push(h);
    return h;
  };
  const stop = async (h: Harness) => {
    running.splice(running.indexOf(h), 1);
    await h.stop({ keepData: true });
  };
  const say = (h: Harness, t: string) => post(h.bot.url, mentionMessage(serviceUrl, t));

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T10:02:00Z');
    sim = await startSimulator({ now: () => new Date(clock) });
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    dir = mkdtempSync(join(tmpdir(), 'pulse-health-alerts-'));
  });
  afterEach(async () => {
    for (const h of [...running]) await stop(h);
    await connector.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('new incident: one card; a post and the resolution update it; a restart and a second instance repost nothing', async () => {
    let a = await start();
    await post(
      a.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
    assert.equal((await say(a, 'subscribe exchange')).status, 200);
    // Impact began 10 minutes ago; Microsoft's first post (investigating) came 2 minutes ago.
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -10,
      durationMinutes: 45,
      tenantId: TENANT,
    });
    await a.bot.monitor!.runOnce();
    const posts = issuePosts(connector);
    assert.equal(posts.length, 1, 'one card for the new incident');
    const card = text(posts[0].body);
    const id = /(EX\d{6}): Users may experience delays/.exec(card)?.[1];
    assert.ok(id, card.slice(0, 400));
    assert.match(card, /Investigating/);
    assert.match(card, /Updates from Microsoft \(1\)/);
    const messageId = posts[0].responseId!;

    clock += 60_000;
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 1, 'nothing new: no second card, no update');
    assert.equal(issueUpdates(connector, messageId).length, 0);

    clock += 12 * 60_000; // Microsoft's second post: degradation confirmed
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 1);
    const updated = issueUpdates(connector, messageId);
    assert.equal(updated.length, 1, 'the same card updated with the new post');
    assert.match(text(updated[0].body), /Updates from Microsoft \(2\)/);
    assert.match(text(updated[0].body), /Service degradation/);

    await stop(a);
    a = await start();
    clock += 60_000;
    await a.bot.monitor!.runOnce();
    const b = await start(); // a second instance on the same store
    await b.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 1, 'no repost after a restart or on a second instance');
    assert.equal(issueUpdates(connector, messageId).length, 1, 'and no needless update either');

    clock += 50 * 60_000; // impact ended, and Microsoft resolved it 12 minutes after
    await b.bot.monitor!.runOnce();
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 1);
    const last = issueUpdates(connector, messageId);
    assert.ok(last.length >= 2, 'the card is updated when the issue is resolved');
    assert.match(text(last.at(-1)!.body), /✅ EX\d{6}/);
    assert.match(text(last.at(-1)!.body), /Service restored/);
    assert.ok(
      text(last.at(-1)!.body).includes(id),
      'the update is the same issue, in the message first posted',
    );
  });

  it('the telemetry alert names the open Microsoft incident on its service, with a button to open it', async () => {
    const a = await start();
    await post(
      a.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
    await say(a, 'subscribe exchange');
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 120,
      tenantId: TENANT,
    });
    await a.bot.monitor!.runOnce();
    const alerts = alertPosts(connector);
    assert.equal(alerts.length, 1, 'the telemetry alert');
    const alert = text(alerts[0].body);
    const id = /Microsoft is investigating \*\*(EX\d{6})\*\*: Users may experience delays/.exec(alert)?.[1];
    assert.ok(id, 'the alert card names Microsoft’s incident');
    assert.match(
      alert,
      new RegExp(`"title":"Open ${id}","url":"https://admin\\.microsoft\\.com/[^"]*${id}"`),
    );
    assert.equal(issuePosts(connector).length, 1, 'and the incident has its own card');
  });

  it('an alert card already posted names the Microsoft issue that opens later on its service', async () => {
    const a = await start();
    await post(
      a.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
    await say(a, 'subscribe teams advisories');
    // Tenant-side trouble first: Microsoft has no issue for it.
    sim.scenarios.start({
      name: 'udp-blocked',
      startsInMinutes: -60,
      durationMinutes: 240,
      tenantId: TENANT,
    });
    await a.bot.monitor!.runOnce();
    const [alert] = alertPosts(connector);
    assert.ok(alert, 'the Teams alert');
    assert.doesNotMatch(text(alert.body), /Microsoft reports/);
    // Then Microsoft posts a Teams advisory, which changes no telemetry.
    sim.scenarios.start({
      name: 'teams-advisory',
      startsInMinutes: -30,
      durationMinutes: 240,
      tenantId: TENANT,
    });
    clock += 5 * 60_000;
    await a.bot.monitor!.runOnce();
    const updates = connector.calls.filter(
      (c) => c.method === 'PUT' && c.path.endsWith(`/activities/${alert.responseId}`),
    );
    assert.ok(updates.length >= 1, 'the posted alert card is updated in place');
    assert.match(text(updates.at(-1)!.body), /Microsoft reports an advisory \*\*TM\d{6}\*\*/);
  });

  it('quiet hours hold issue cards; advisories only when asked for; unsubscribe … incidents stops them', async () => {
    const a = await start();
    await post(
      a.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', scope: 'channel', membersAdded: [{ id: BOT.id }] }),
    );
    await say(a, 'subscribe teams');
    await say(a, 'quiet 09:00-11:00 UTC');
    sim.scenarios.start({
      name: 'teams-advisory',
      startsInMinutes: -30,
      durationMinutes: 240,
      tenantId: TENANT,
    });
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 0, 'an advisory is not posted without `advisories`');
    await say(a, 'subscribe teams advisories');
    clock += 60_000;
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 0, 'held during quiet hours');
    clock = Date.parse('2026-11-25T11:00:30Z');
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 1, 'posted when quiet hours end');
    await say(a, 'unsubscribe teams incidents');
    sim.scenarios.start({
      name: 'teams-outage',
      startsInMinutes: -30,
      durationMinutes: 60,
      tenantId: TENANT,
    });
    clock += 60_000;
    await a.bot.monitor!.runOnce();
    assert.equal(issuePosts(connector).length, 1, 'no card for the new Teams incident');
  });
});
