import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TENANT, activity } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';
import { FakeBotFramework } from '../helpers/fake-botframework';
import { assertNothingWrittenOrSent, bytesWritten, footprint } from './footprint';
import { rawRequest } from './http-request';
import { INBOUND_CASES } from './inbound-cases';

// Not the app id of other tests: botframework-connector caches the bot's outbound token per app id process-wide.
const APP_ID = '11111111-2222-4333-8444-5555555555ec';

describe('security: inbound HTTP refuses what is not a JSON activity, before reading it, writing nothing', function () {
  this.timeout(60_000);
  let fake: FakeBotFramework;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let h: Harness;
  let tempDir: string;
  let dataDir: string;
  const savedTmp = process.env.TMPDIR;
  let totalWritten = 0;

  before(async () => {
    // Whatever an upload parser would spill goes to os.tmpdir(), which follows TMPDIR: point it at an empty dir.
    tempDir = mkdtempSync(join(tmpdir(), 'pulse-sec-tmp-'));
    dataDir = mkdtempSync(join(tmpdir(), 'pulse-sec-data-'));
    process.env.TMPDIR = tempDir;
    fake = new FakeBotFramework(APP_ID, 'test-bot-password-not-real');
    await fake.start();
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    h = await startHarness({ ...fake.botEnv(), ALLOWED_TENANTS: TENANT }, dataDir, { monitor: false });
  });
  after(async () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await h?.stop();
    await connector?.stop();
    await fake?.stop();
    rmSync(tempDir, { recursive: true, force: true });
    console.log(
      `      ${INBOUND_CASES.length} inbound cases; bytes written by refused requests: ${totalWritten}`,
    );
  });

  const snapshot = () =>
    footprint({ 'temp dir': tempDir, 'data dir': dataDir }, h.bot.store, () => connector.calls.length);

  for (const c of INBOUND_CASES) {
    it(`${c.id} ${c.name}: ${c.status}, nothing written or sent`, async () => {
      const before = await snapshot();
      const res = await rawRequest(h.bot.url, c.request(serviceUrl));
      const after = await snapshot();
      totalWritten += bytesWritten(before, after);
      assertNothingWrittenOrSent(before, after, c.id);
      assert.equal(res.status, c.status, `${c.id} answered ${res.status}: ${res.body.slice(0, 200)}`);
      if (c.answer) assert.match(res.body, c.answer);
    });
  }

  it('still answers a signed JSON activity with a charset parameter (the refusals are not a blanket block)', async () => {
    const res = await rawRequest(h.bot.url, {
      method: 'POST',
      path: '/api/messages',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${fake.channelToken(serviceUrl)}`,
      },
      body: JSON.stringify(activity(serviceUrl, { text: 'help' })),
    });
    assert.equal(res.status, 200);
    assert.equal(connector.messages().length, 1);
  });
});
