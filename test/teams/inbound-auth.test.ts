import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { TENANT, activity, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';
import { FakeBotFramework } from '../helpers/fake-botframework';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const PASSWORD = 'test-bot-password-not-real';

describe('inbound Bot Framework JWT (BOT_ID set) and the outbound token', function () {
  this.timeout(30_000);
  let fake: FakeBotFramework;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;

  before(async () => {
    fake = new FakeBotFramework(APP_ID, PASSWORD);
    await fake.start();
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness({ ...fake.botEnv(), ALLOWED_TENANTS: TENANT });
  });
  after(async () => {
    await h.stop();
    await connector.stop();
    await fake.stop();
  });
  beforeEach(() => connector.clear());

  const send = (token?: string, body = activity(serviceUrl, { text: 'help' })) =>
    post(h.bot.url, body, token ? { authorization: `Bearer ${token}` } : {});

  it('accepts a valid channel token and replies with its own msal-issued token', async () => {
    const res = await send(fake.channelToken(serviceUrl));
    assert.equal(res.status, 200);
    const [reply] = connector.messages();
    assert.ok(reply, 'a reply was sent');
    assert.match(reply.authorization ?? '', /^Bearer eyJ/);
    const form = fake.tokenRequests.at(-1)!;
    assert.equal(form.get('grant_type'), 'client_credentials');
    assert.equal(form.get('scope'), 'https://api.botframework.com/.default');
  });

  const rejected: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['alg none', () => fake.channelToken(serviceUrl, {}, { algorithm: 'none' })],
    ['wrong audience', () => fake.channelToken(serviceUrl, { aud: '99999999-2222-4333-8444-555555555555' })],
    ['wrong issuer', () => fake.channelToken(serviceUrl, { iss: 'https://evil.example.com' })],
    [
      'expired',
      () =>
        fake.channelToken(serviceUrl, { nbf: Math.floor(Date.now() / 1000) - 7200 }, { expiresInSec: -3600 }),
    ],
    ['unknown key id', () => fake.channelToken(serviceUrl, {}, { kid: 'k-unknown' })],
    ['serviceurl claim mismatch', () => fake.channelToken('https://smba.trafficmanager.net/emea/')],
    [
      'forged signature (another key, same kid)',
      () =>
        fake.channelToken(
          serviceUrl,
          {},
          { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey },
        ),
    ],
  ];
  for (const [name, token] of rejected) {
    it(`rejects ${name} with 401 and sends nothing`, async () => {
      const res = await send(token());
      assert.equal(res.status, 401);
      assert.equal(connector.calls.length, 0);
    });
  }

  it('refuses a tenant that is not allowed, politely and without storing anything', async () => {
    const other = '00000000-0000-4000-8000-0000000000ff';
    const res = await send(
      fake.channelToken(serviceUrl),
      activity(serviceUrl, { text: 'help', tenantId: other }),
    );
    assert.equal(res.status, 200);
    assert.match(String(connector.messages()[0].body.text), /isn't enabled for your organization/);
    const before = Object.keys(await h.bot.store.list('')).length;
    await send(
      fake.channelToken(serviceUrl),
      activity(serviceUrl, { type: 'installationUpdate', action: 'add', tenantId: other }),
    );
    const keys = Object.keys(await h.bot.store.list(''));
    assert.equal(keys.length, before);
    assert.ok(!keys.some((k) => k.includes(other) || k.includes('ff')), keys.join());
  });

  it('never logs the tokens or the bot password', () => {
    const log = h.logs.lines.join('\n');
    assert.ok(!log.includes(PASSWORD));
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(log), 'no JWT in the logs');
  });
});
