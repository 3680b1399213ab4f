import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { StoreItems } from '../../src/store/store';
import { activity, post } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { CaptureConnector } from '../helpers/capture-connector';

/** A real SQLite store whose conversation writes can be made to fail, to make a turn handler throw. */
class FlakyStore extends SqliteStore {
  failConversationWrites = false;
  override async write(changes: StoreItems): Promise<void> {
    if (this.failConversationWrites && Object.keys(changes).some((k) => k.startsWith('conversations/')))
      throw new Error('disk on fire');
    return super.write(changes);
  }
}

describe('a turn handler that throws', () => {
  let h: Harness;
  let connector: CaptureConnector;
  let serviceUrl: string;
  let store: FlakyStore;

  beforeEach(async () => {
    connector = new CaptureConnector();
    serviceUrl = await connector.start();
    store = new FlakyStore(':memory:');
    h = await startHarness({}, undefined, { store });
  });
  afterEach(async () => {
    await h.stop();
    await connector.stop();
  });

  it('gets a short apology with a correlation id, a logged stack, and the bot keeps serving', async () => {
    store.failConversationWrites = true;
    const res = await post(h.bot.url, activity(serviceUrl, { text: 'help' }));
    assert.equal(res.status, 200);
    const [apology] = connector.messages();
    const text = String(apology.body.text);
    const ref = /reference ([0-9a-f-]{36})/.exec(text)?.[1];
    assert.ok(ref, `apology quotes a reference: ${text}`);
    assert.ok(text.length < 300 && !/disk on fire|at /.test(text), 'no internals shown to the user');

    const logged = h.logs.records().find((r) => r.msg === 'turn failed');
    assert.ok(logged, 'the failure is logged');
    assert.equal(logged.correlationId, ref);
    assert.match(String((logged.err as { stack: string }).stack), /disk on fire[\s\S]*at /);

    store.failConversationWrites = false;
    connector.clear();
    assert.equal((await post(h.bot.url, activity(serviceUrl, { text: 'help' }))).status, 200);
    assert.match(JSON.stringify(connector.cards()[0]), /M365 Pulse commands/);
  });

  it('reports not ready when the store is unreachable', async () => {
    await store.close();
    assert.equal((await fetch(`${h.bot.url}/readyz`)).status, 503);
    assert.equal((await fetch(`${h.bot.url}/healthz`)).status, 200);
  });
});
