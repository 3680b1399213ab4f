import assert from 'node:assert/strict';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../src/simulator';
import { ADELE, BOT, TENANT, activity, mentionMessage, post } from '../helpers/activities';
import { FakeBotFramework } from '../helpers/fake-botframework';
import { Cluster } from './cluster';
import { findAction } from '../helpers/find-action';

const BOT_ID = '22222222-3333-4444-8555-666666666666';
const BOT_PASSWORD = 'test-bot-password-not-real';
const text = (v: unknown) => JSON.stringify(v);

describe('scale-out: any of three bot processes answers any turn (Teams SSO, commands, card actions)', function () {
  this.timeout(60_000);
  let fake: FakeBotFramework;
  // Production auth: the channel's tokens are checked and users sign in with Teams SSO (no demo identity).
  const cluster = new Cluster((sim) => ({
    ...fake.botEnv(),
    ALLOWED_TENANTS: TENANT,
    AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
    AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    AAD_APP_TENANT_ID: TENANT,
    BOT_DOMAIN: 'pulse.example.com',
    GRAPH_BASE_URL: sim.url,
  }));
  const url = (name: string) => cluster.bot(name).url;
  const send = (name: string, body: Record<string, unknown>) =>
    post(url(name), body, { authorization: `Bearer ${fake.channelToken(cluster.serviceUrl)}` });
  const lastCard = () => text(cluster.connector.cards().at(-1));

  before(async function () {
    this.timeout(60_000);
    await cluster.start(Date.now());
    fake = new FakeBotFramework(BOT_ID, BOT_PASSWORD, cluster.sim.url);
    await fake.start();
    await cluster.spawn('A', 'B', 'C');
  });
  after(async () => {
    await cluster.stop();
    await fake?.stop();
  });
  beforeEach(() => cluster.connector.clear());

  it('signs in with the sign-in card from A, the token exchange on B, and serves C from the shared token cache', async () => {
    assert.equal((await send('A', activity(cluster.serviceUrl, { text: 'whoami' }))).status, 200);
    const oauth = cluster.connector
      .messages()
      .flatMap((m) => (m.body.attachments as { contentType: string; content: unknown }[]) ?? [])
      .find((a) => a.contentType === 'application/vnd.microsoft.card.oauth');
    assert.ok(oauth, 'A answered with the sign-in card');
    const { id } = (oauth.content as { tokenExchangeResource: { id: string } }).tokenExchangeResource;
    const ssoToken = cluster.sim.issueUserAssertion({
      tenantId: TENANT,
      oid: ADELE.aadObjectId,
      name: ADELE.name,
      upn: 'adele@contoso.com',
      audience: DEMO_CLIENT_ID,
    });
    cluster.connector.clear();
    const exchanged = await send(
      'B',
      activity(cluster.serviceUrl, {
        type: 'invoke',
        name: 'signin/tokenExchange',
        value: { id, connectionName: '', token: ssoToken },
      }),
    );
    assert.equal(exchanged.status, 200);
    assert.match(lastCard(), /Signed in as Adele Vance/, 'B finished the command A started');
    cluster.connector.clear();
    await send('C', activity(cluster.serviceUrl, { text: 'whoami' }));
    assert.match(lastCard(), /Signed in as Adele Vance/, 'C found the token in the shared encrypted cache');
  });

  it('takes a subscription on A and lists it on C; answers status on B and its Refresh button on C', async () => {
    await send(
      'A',
      activity(cluster.serviceUrl, {
        type: 'conversationUpdate',
        scope: 'channel',
        membersAdded: [{ id: BOT.id }],
      }),
    );
    await send('A', mentionMessage(cluster.serviceUrl, 'subscribe exchange'));
    assert.match(lastCard(), /[Ss]ubscribed/);
    await send('C', mentionMessage(cluster.serviceUrl, 'subscriptions'));
    assert.match(lastCard(), /Exchange/);
    assert.doesNotMatch(lastCard(), /[Nn]o subscriptions/);

    cluster.connector.clear();
    await send('B', activity(cluster.serviceUrl, { text: 'status' }));
    const status = cluster.connector.cards().at(-1);
    assert.match(text(status), /Exchange Online/);
    const refresh = findAction(status, 'status.refresh');
    assert.ok(refresh, 'the status card has a Refresh button');
    const res = await send(
      'C',
      activity(cluster.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'status.refresh', data: refresh.data } },
      }),
    );
    assert.equal(res.status, 200);
    assert.match(text(res.body), /Exchange Online|Updating/);
  });

  it('signs out on A, after which B asks for sign-in again', async () => {
    await send('A', activity(cluster.serviceUrl, { text: 'signout' }));
    assert.match(lastCard(), /Signed out/);
    cluster.connector.clear();
    await send('B', activity(cluster.serviceUrl, { text: 'whoami' }));
    const oauth = cluster.connector
      .messages()
      .flatMap((m) => (m.body.attachments as { contentType: string }[]) ?? [])
      .some((a) => a.contentType === 'application/vnd.microsoft.card.oauth');
    assert.ok(
      oauth,
      `B no longer has a token for Adele: ${text(cluster.connector.messages().map((m) => m.body))}`,
    );
  });
});
