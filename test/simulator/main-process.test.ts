import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID } from '../../src/simulator';
import { parseScenarioArg, parseSimulatorArgs } from '../../src/simulator/cli-args';
import { fnUrl, get, postJson } from './helpers';

const MAIN = resolve(__dirname, '../../src/simulator/main.js');

describe('simulator main: driven from another process over /_sim', () => {
  let child: ChildProcess;
  let url: string;
  before(async () => {
    child = spawn(
      process.execPath,
      [MAIN, '--port', '0', '--seed', '5', '--scenario', 'mail-delivery-drop@-30'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    for await (const chunk of child.stdout ?? []) {
      out += String(chunk);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        url = m[1];
        break;
      }
    }
    assert.ok(url, `no URL in: ${out}`);
  });
  after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('reports its state, including the scenario from --scenario', async () => {
    const state = (await get(`${url}/_sim/state`)).body;
    assert.equal(state.seed, 5);
    const scenarios = state.scenarios as { name: string }[];
    assert.deepEqual(
      scenarios.map((s) => s.name),
      ['mail-delivery-drop'],
    );
    assert.ok((state.availableScenarios as unknown[]).length >= 4);
  });

  it('issues a demo identity, redeems it on-behalf-of for the demo client, serves Graph and logs the call', async () => {
    const { assertion } = (
      await postJson(`${url}/_sim/user-assertion`, {
        tenantId: DEMO_TENANT_ID,
        oid: 'demo-admin',
        name: 'Demo Admin',
        upn: 'admin@demo.test',
      })
    ).body;
    const form = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: DEMO_CLIENT_ID,
      client_secret: DEMO_CLIENT_SECRET,
      assertion: String(assertion),
      scope: 'https://graph.microsoft.com/.default',
    });
    const tokenRes = await fetch(`${url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: form,
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const end = Math.floor(Date.now() / 900_000) * 900_000;
    const sim = { url } as Parameters<typeof fnUrl>[0];
    const res = await get(
      fnUrl(sim, 'getMessageVolumeMetricsForEmailDelivery', end - 3600_000, end, 15),
      access_token,
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.value?.length, 4);
    const { requests } = (await get(`${url}/_sim/requests?limit=1`)).body as unknown as {
      requests: { fn: string; scp: string; tenant: string }[];
    };
    assert.equal(requests[0].fn, 'getMessageVolumeMetricsForEmailDelivery');
    assert.equal(requests[0].tenant, DEMO_TENANT_ID);
    assert.match(requests[0].scp, /ServiceActivity-Exchange\.Read\.All/);
  });

  it('exits cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });
});

describe('simulator command-line flags', () => {
  it('parses flags and scenario forms', () => {
    assert.deepEqual(parseSimulatorArgs(['--port=0', '--seed', '9', '--no-auth', '--latency', '25']), {
      port: 0,
      seed: 9,
      requireAuth: false,
      latencyMs: 25,
    });
    assert.deepEqual(parseScenarioArg('teams-outage'), { name: 'teams-outage' });
    assert.deepEqual(parseScenarioArg('connectivity-dip@+10:20'), {
      name: 'connectivity-dip',
      startsInMinutes: 10,
      durationMinutes: 20,
    });
    assert.deepEqual(parseScenarioArg('mail-delivery-drop@-30'), {
      name: 'mail-delivery-drop',
      startsInMinutes: -30,
    });
    assert.deepEqual(parseScenarioArg('teams-outage@2026-01-05T09:00:00Z'), {
      name: 'teams-outage',
      at: '2026-01-05T09:00:00Z',
    });
    assert.deepEqual(parseScenarioArg('teams-outage@2026-01-05T09:00:00Z:15'), {
      name: 'teams-outage',
      at: '2026-01-05T09:00:00Z',
      durationMinutes: 15,
    });
    assert.throws(() => parseSimulatorArgs(['--bogus']), /Unknown option '--bogus'/);
    assert.throws(() => parseSimulatorArgs(['--port', 'x']), /--port needs a number/);
    assert.throws(() => parseScenarioArg('Bad Name'), /Invalid --scenario/);
  });
});
