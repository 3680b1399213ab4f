import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { CLI, runCli } from './helpers/run-cli';

describe('cli: m365-pulse simulate (child process)', () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('runs the simulator with its flags, serves it, and the CLI can query it; SIGINT exits 0', async () => {
    child = spawn(
      process.execPath,
      [CLI, 'simulate', '--port', '0', '--seed', '7', '--scenario', 'teams-outage@-30'],
      {
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    let url: string | undefined;
    for await (const chunk of child.stdout ?? []) {
      out += String(chunk);
      url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('Scenario teams-outage')) break;
    }
    assert.ok(url, out);
    const state = (await (await fetch(`${url}/_sim/state`)).json()) as {
      seed: number;
      scenarios: { name: string }[];
    };
    assert.equal(state.seed, 7);
    assert.deepEqual(
      state.scenarios.map((s) => s.name),
      ['teams-outage'],
    );
    const auth = await runCli(['status', '--service', 'teams', '--json'], {
      GRAPH_BASE_URL: url,
      GRAPH_TOKEN: 'x.y.z',
    });
    assert.equal(auth.code, 2, 'a token without tid and no --tenant is a usage error');
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('a port in use: exit 1 with one line', async () => {
    const first = await import('../../src/simulator').then((s) => s.startSimulator());
    try {
      const run = await runCli(['simulate', '--port', String(first.port)]);
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        /^m365-pulse: The simulator could not listen on 127\.0\.0\.1:\d+: the port is already in use\. Choose another --port or --host\.\n$/,
      );
    } finally {
      await first.close();
    }
  });
});
