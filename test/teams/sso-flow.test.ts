import assert from 'node:assert/strict';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator } from '../../src/simulator';
import { ADELE, TENANT, activity, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';
import { FakeBotFramework } from '../helpers/fake-botframework';

const BOT_ID = '22222222-3333-4444-8555-666666666666';
const BOT_PASSWORD = 'test-bot-password-not-real';

describe('Teams SSO: sign-in card, token exchange, on-behalf-of, sign-out', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let fake: FakeBotFramework;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;

  before(async () => {
    sim = await startSimulator();
    fake = new FakeBotFramework(BOT_ID, BOT_PASSWORD, sim.url);
    await fake.start();
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness({
      ...fake.botEnv(),
      ALLOWED_TENANTS: TENANT,
      AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
      AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
      AAD_APP_TENANT_ID: TENANT,
      BOT_DOMAIN: 'pulse.example.com',
      GRAPH_BASE_URL: sim.url,
    });
  });
  after(async () => {
    await h?.stop();
    await connector?.stop();
    await fake?.stop();
    await sim?.close();
  });
  beforeEach(() => connector.clear());

  const send = (body: Record<string, unknown>) =>
    post(h.bot.url, body, { authorization: `Bearer ${fake.channelToken(serviceUrl)}` });
  const ssoToken = () =>
    sim.issueUserAssertion({
      tenantId: TENANT,
      oid: ADELE.aadObjectId,
      name: ADELE.name,
      upn: 'adele@contoso.com',
      audience: DEMO_CLIENT_ID,
    });
  const exchange = (id: string, token: string) =>
    send(
      activity(serviceUrl, {
        type: 'invoke',
        name: 'signin/tokenExchange',
        value: { id, connectionName: '', token },
      }),
    );

  async function signInCard(): Promise<{ id: string; signinUrl: string }> {
    assert.equal((await send(activity(serviceUrl, { text: 'whoami' }))).status, 200);
    const oauth = connector
      .messages()
      .flatMap(
        (m) => (m.body.attachments as { contentType: string; content: Record<string, unknown> }[]) ?? [],
      )
      .find((a) => a.contentType === 'application/vnd.microsoft.card.oauth');
    assert.ok(oauth, 'an OAuthCard was sent');
    const content = oauth.content as { tokenExchangeResource: { id: string }; buttons: { value: string }[] };
    return { id: content.tokenExchangeResource.id, signinUrl: content.buttons[0].value };
  }

  it('answers a data command from a user who is not signed in with the sign-in card', async () => {
    const card = await signInCard();
    assert.match(card.signinUrl, /^https:\/\/pulse\.example\.com\/auth-start\.html\?/);
    assert.match(decodeURIComponent(card.signinUrl), /ServiceActivity-Exchange\.Read\.All/);
  });

  it('answers 412 to an exchange it cannot complete, so Teams falls back to consent', async () => {
    const { id } = await signInCard();
    const res = await exchange(id, 'not-a-real-sso-token');
    assert.equal(res.status, 412);
    assert.match(JSON.stringify(res.body), /unable to exchange token/);
  });

  it('exchanges the Teams token on behalf of the user and answers the original command', async () => {
    const { id } = await signInCard();
    connector.clear();
    const res = await exchange(id, ssoToken());
    assert.equal(res.status, 200);
    const obo = sim.requestLog.filter((r) => r.path.includes('/oauth2/v2.0/token')).at(-1);
    assert.ok(obo, 'the Entra emulator saw the on-behalf-of request');
    const card = JSON.stringify(connector.cards().at(-1));
    assert.match(card, /Signed in as Adele Vance/);
    assert.match(card, /✅ ServiceActivity-Exchange\.Read\.All/);
    assert.match(card, /✅ Reports\.Read\.All/);
  });

  it('serves the next command silently from the encrypted cache, then signs out', async () => {
    const tokenCalls = fake.tokenRequests.length;
    await send(activity(serviceUrl, { text: 'whoami' }));
    assert.match(JSON.stringify(connector.cards().at(-1)), /Signed in as Adele Vance/);
    const stored = JSON.stringify(await h.bot.store.list('tokencache/'));
    assert.ok(
      stored.includes(`tokencache/${TENANT}/users/${ADELE.aadObjectId}`),
      'partitioned per tenant and user',
    );
    // A JWT's header and payload, both JSON ("eyJ"): base64url ciphertext alone may contain "eyJ" by chance.
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(stored), 'no token plaintext at rest');
    assert.ok(
      fake.tokenRequests
        .slice(tokenCalls)
        .every((f) => f.get('scope') === 'https://api.botframework.com/.default'),
    );

    connector.clear();
    await send(activity(serviceUrl, { text: 'signout' }));
    assert.match(JSON.stringify(connector.cards().at(-1)), /Signed out/);
    assert.deepEqual(Object.keys(await h.bot.store.list(`tokencache/${TENANT}/users/`)), []);
    connector.clear();
    await signInCard();
  });

  it('logs no token, assertion or secret', () => {
    const log = h.logs.lines.join('\n');
    assert.ok(!log.includes(BOT_PASSWORD) && !log.includes(DEMO_CLIENT_SECRET));
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(log));
  });
});
