import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllBots, spawnBot, type BotProcess } from '../helpers/bot-process';
import { freePort } from '../helpers/free-port';
import { AzuriteOnDisk } from './azurite-on-disk';

const READY = { status: 'ready', delivery: { deadLetters: 0, unrecorded: 0 } };

const readyz = async (bot: BotProcess) => {
  const res = await fetch(`${bot.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string } };
};

describe('scale-out: /readyz follows the reachability of the Blob store', function () {
  this.timeout(60_000);
  let dir: string;
  let azurite: AzuriteOnDisk;
  let bot: BotProcess;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-readyz-'));
    azurite = new AzuriteOnDisk(await freePort(), dir);
    await azurite.start();
    bot = await spawnBot('A', {
      STORE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'readyz',
      LEASE_SECONDS: '15',
      LOG_LEVEL: 'warn',
    });
  });
  after(async () => {
    await killAllBots();
    await azurite?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 while Azure Blob answers, 503 while it is down, and 200 again once it is back', async () => {
    assert.deepEqual(await readyz(bot), { status: 200, body: READY });
    await azurite.stop();
    const t0 = Date.now();
    const down = await readyz(bot);
    assert.deepEqual(down, { status: 503, body: { status: 'store unreachable' } });
    assert.ok(Date.now() - t0 < 10_000, `answered in ${Date.now() - t0} ms, within a probe's timeout`);
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200, 'alive all the same: no restart wanted');
    await azurite.start();
    assert.deepEqual(await readyz(bot), { status: 200, body: READY });
    assert.ok(!bot.exited(), 'the bot rode out the outage');
  });
});
