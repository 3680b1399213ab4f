import assert from 'node:assert/strict';
import { ADELE, BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';

const cardText = (card: unknown) => JSON.stringify(card);

describe('bot over HTTP (auth off, capture connector)', () => {
  let h: Harness;
  let connector: CaptureConnector;
  let serviceUrl: string;

  beforeEach(async () => {
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
    await connector.stop();
  });

  it('answers help with an Adaptive Card 1.5 listing the commands, as a reply to the message', async () => {
    const msg = activity(serviceUrl, { text: 'help' });
    const res = await post(h.bot.url, msg);
    assert.equal(res.status, 200);
    const [call] = connector.messages();
    assert.equal(
      call.path,
      `/v3/conversations/${encodeURIComponent('a:personal-adele')}/activities/${msg.id}`,
    );
    const [card] = connector.cards();
    assert.equal(card.version, '1.5');
    assert.match(cardText(card), /M365 Pulse commands/);
    assert.match(cardText(card), /help \[command\]/);
  });

  it('strips the @mention in a channel and answers there', async () => {
    const res = await post(h.bot.url, mentionMessage(serviceUrl, 'help'));
    assert.equal(res.status, 200);
    assert.equal(connector.messages()[0].conversationId, '19:m365-alerts@thread.tacv2');
    assert.match(cardText(connector.cards()[0]), /M365 Pulse commands/);
  });

  it('answers an unknown command with the closest command and a pointer to help', async () => {
    await post(h.bot.url, activity(serviceUrl, { text: 'hlep' }));
    const text = cardText(connector.cards()[0]);
    assert.match(text, /Did you mean `help`\?/);
    assert.match(text, /"value":"help"/);
  });

  it('posts a welcome card on install and records the conversation; forgets it on uninstall', async () => {
    const added = activity(serviceUrl, {
      type: 'conversationUpdate',
      scope: 'channel',
      membersAdded: [{ id: BOT.id }],
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:it-ops@thread.tacv2', name: 'IT Operations' },
        eventType: 'teamMemberAdded',
      },
    });
    assert.equal((await post(h.bot.url, added)).status, 200);
    assert.match(cardText(connector.cards()[0]), /M365 Pulse is here/);
    assert.match(cardText(connector.cards()[0]), /IT Operations/);
    const [record] = await h.bot.bot.registry.list(TENANT);
    assert.equal(record.scope, 'channel');
    assert.equal(record.teamName, 'IT Operations');
    assert.equal((record.reference as { serviceUrl: string }).serviceUrl, serviceUrl);

    const removed = activity(serviceUrl, { type: 'installationUpdate', action: 'remove', scope: 'channel' });
    assert.equal((await post(h.bot.url, removed)).status, 200);
    assert.deepEqual(await h.bot.bot.registry.list(TENANT), []);
  });

  it('records a personal chat on installationUpdate without a second welcome card', async () => {
    await post(h.bot.url, activity(serviceUrl, { type: 'installationUpdate', action: 'add' }));
    assert.equal(connector.messages().length, 0);
    const [record] = await h.bot.bot.registry.list(TENANT);
    assert.equal(record.scope, 'personal');
    assert.equal((record.reference as { user: { id: string } }).user.id, ADELE.id);
  });

  it('does not welcome when someone other than the bot joins', async () => {
    await post(
      h.bot.url,
      activity(serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: '29:someone' }] }),
    );
    assert.equal(connector.messages().length, 0);
  });

  it('rejects a non-JSON body and activities missing fields with 400, then keeps serving', async () => {
    const bad = await post(h.bot.url, '{not json');
    assert.equal(bad.status, 400);
    const noConv = activity(serviceUrl, { text: 'help' });
    delete noConv.conversation;
    const res = await post(h.bot.url, noConv);
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body), /no conversation\.id/);
    assert.equal((await post(h.bot.url, [])).status, 400);
    assert.equal((await post(h.bot.url, activity(serviceUrl, { text: 'help' }))).status, 200);
    assert.equal(connector.cards().length, 1);
  });

  it('serves /healthz and /readyz', async () => {
    assert.equal((await fetch(`${h.bot.url}/healthz`)).status, 200);
    const ready = await fetch(`${h.bot.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      delivery: { deadLetters: 0, unrecorded: 0 },
    });
  });
});

describe('SSO consent pages', () => {
  let h: Harness;
  before(
    async () =>
      (h = await startHarness({ AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.us' })),
  );
  after(() => h.stop());

  it('serves auth-start.html pointing at the configured authority and auth-end.html notifying Teams', async () => {
    const start = await fetch(`${h.bot.url}/auth-start.html?scope=a&clientId=b&tenantId=c`);
    assert.equal(start.status, 200);
    assert.match(start.headers.get('content-type') ?? '', /text\/html/);
    assert.match(
      await start.text(),
      /"https:\/\/login\.microsoftonline\.us" \+ '\/' \+ tenant \+ '\/oauth2\/v2\.0\/authorize/,
    );
    assert.match(
      await (await fetch(`${h.bot.url}/auth-end.html`)).text(),
      /authentication\.notifySuccess\(\)/,
    );
  });
});
