import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground, type RunningPlayground } from '../../src/dev/playground';
import { ADELE, BOT, TENANT } from '../helpers/activities';
import { freePort } from '../helpers/free-port';
import { repoPath } from './repo-files';

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}
interface LoadedConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChats: { id: string; name: string }[];
  teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
}

describe('.m365agentsplayground.yml in the real Agents Playground', function () {
  let dir = '';
  let bot: Server | undefined;
  let playground: RunningPlayground | undefined;
  let config: LoadedConfig;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-pg-config-'));
    // The Playground answers /_internal/v1/config only once the bot endpoint answers (it waits up to 15 s).
    bot = createServer((_req, res) => res.end());
    await new Promise<void>((r) => bot?.listen(0, '127.0.0.1', r));
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`,
      port: await freePort(),
      configPath: repoPath('.m365agentsplayground.yml'),
      logFile: join(dir, 'playground.log'),
    });
    const res = await fetch(`${playground.url}/_internal/v1/config`);
    config = ((await res.json()) as { config: LoadedConfig }).config;
  });
  after(async () => {
    await playground?.stop();
    await new Promise((r) => bot?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo tenant and the bot the tests talk to', () => {
    assert.equal(config.tenantId, TENANT);
    assert.deepEqual(config.bot, BOT);
  });

  it('signs Adele Vance in, with five colleagues', () => {
    assert.deepEqual(
      {
        id: config.currentUser.id,
        name: config.currentUser.name,
        aadObjectId: config.currentUser.aadObjectId,
      },
      ADELE,
    );
    assert.equal(config.users.length, 5);
    assert.equal(new Set([config.currentUser, ...config.users].map((u) => u.aadObjectId)).size, 6);
  });

  it('has the personal chat, the ops group chat, and IT Operations with General and M365 Alerts', () => {
    assert.equal(config.personalChat.id, 'a:personal-adele');
    assert.deepEqual(
      config.groupChats.map((c) => [c.id, c.name]),
      [['19:ops-chat@thread.v2', 'Ops group chat']],
    );
    assert.deepEqual(
      config.teams.map((t) => [t.id, t.name, t.channels.map((c) => [c.id, c.name])]),
      [
        [
          '19:it-ops@thread.tacv2',
          'IT Operations',
          [
            ['19:it-ops@thread.tacv2', 'General'],
            ['19:m365-alerts@thread.tacv2', 'M365 Alerts'],
          ],
        ],
      ],
    );
  });
});
