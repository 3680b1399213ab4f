import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port';

/** `npm start` as a user runs it (minus the build): the real launcher process, its one line, Ctrl-C. */
describe('npm start (demo launcher)', function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let dir: string;
  let out = '';
  const ports: Record<string, number> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-demo-'));
    for (const k of ['PORT', 'PLAYGROUND_PORT', 'SIMULATOR_PORT']) ports[k] = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PULSE_DATA_DIR: dir };
    for (const [k, v] of Object.entries(ports)) env[k] = String(v);
    for (const k of ['BOT_ID', 'GRAPH_BASE_URL', 'BOT_PASSWORD']) delete env[k];
    child = spawn(process.execPath, ['dist/src/dev/demo.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!out.includes('M365 Pulse is running') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one line telling the user where to open the Playground', () => {
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 1, out);
    assert.match(lines[0], new RegExp(`Open http://localhost:${ports.PLAYGROUND_PORT} in your browser`));
    assert.match(lines[0], new RegExp(`simulated tenant: http://127.0.0.1:${ports.SIMULATOR_PORT}`));
    assert.match(lines[0], new RegExp(`the dashboard tab is at http://localhost:${ports.PORT}/tab/`));
  });

  it('serves the dashboard tab and its data as the demo identity, without a token', async () => {
    const page = await fetch(`http://localhost:${ports.PORT}/tab/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /dashboard\.js/);
    const overview = await fetch(`http://localhost:${ports.PORT}/api/tab/overview?service=exchange`);
    assert.equal(overview.status, 200);
    const body = (await overview.json()) as { groups: { id: string; state: string }[] };
    assert.deepEqual(
      body.groups.map((g) => g.id),
      ['exchange'],
    );
    assert.notEqual(body.groups[0].state, 'notPermitted');
  });

  it('binds the bot to loopback with auth off, and the demo identity reads the simulated tenant', async () => {
    assert.equal((await fetch(`http://127.0.0.1:${ports.PORT}/healthz`)).status, 200);
    const pg = `http://127.0.0.1:${ports.PLAYGROUND_PORT}`;
    const { config } = (await (await fetch(`${pg}/_internal/v1/config`)).json()) as {
      config: { personalChat: { id: string }; currentUser: { id: string } };
    };
    await fetch(
      `${pg}/_conversation/v1/conversations/${encodeURIComponent(config.personalChat.id)}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: config.currentUser.id }, text: 'whoami', textFormat: 'plain' }),
      },
    );
    const deadline = Date.now() + 10_000;
    let log = '';
    while (!log.includes('Signed in as') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      log = readFileSync(join(dir, 'logs', 'playground.log'), 'utf8');
    }
    assert.match(log, /Signed in as Adele Vance/);
  });

  it('stops everything on Ctrl-C', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    for (const port of Object.values(ports)) {
      await assert.rejects(fetch(`http://127.0.0.1:${port}/`), /fetch failed/, `port ${port} is closed`);
    }
  });
});
