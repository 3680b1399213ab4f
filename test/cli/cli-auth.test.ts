import assert from 'node:assert/strict';
import { metricsOfService } from '../../src/domain/catalog';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type Simulator } from '../../src/simulator';
import { runCli } from './helpers/run-cli';
import { appToken, startTenant, TENANT } from './helpers/tenant';

const WINDOW = ['--last', '1h', '--json'];

describe('cli: sign-in (child process against the simulator and its Entra emulator)', () => {
  let sim: Simulator;
  let appEnv: Record<string, string>;
  before(async () => {
    sim = await startTenant();
    appEnv = {
      GRAPH_BASE_URL: sim.url,
      AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
      AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
      AAD_APP_TENANT_ID: TENANT,
      MSAL_AUTHORITY_METADATA: sim.authorityMetadata(TENANT),
    };
  });
  after(() => sim.close());
  const since = (n: number) => sim.requestLog.slice(n);

  it('app-only from AAD_APP_*: one client-credentials token through msal-node, then Graph with its roles', async () => {
    const mark = sim.requestLog.length;
    const { code, stdout, stderr } = await runCli(['status', '--service', 'exchange', '--json'], appEnv);
    assert.equal(code, 0, stderr);
    assert.equal((JSON.parse(stdout) as unknown[]).length, 9);
    const tokens = since(mark).filter((e) => e.kind === 'token');
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0].grantType, 'client_credentials');
    assert.equal(tokens[0].clientId, DEMO_CLIENT_ID);
    assert.equal(tokens[0].path, `/${TENANT}/oauth2/v2.0/token`);
    const items = since(mark).filter((e) => e.kind === 'batch-item');
    assert.deepEqual(
      [...new Set(items.map((e) => e.fn))].sort(),
      metricsOfService('exchange')
        .map((m) => m.fn)
        .sort(),
    );
    for (const e of items) {
      assert.equal(e.tenant, TENANT);
      assert.equal(e.appId, DEMO_CLIENT_ID);
      assert.deepEqual(e.roles, [...ALL_PERMISSIONS]);
    }
  });

  it('--tenant overrides AAD_APP_TENANT_ID for app-only', async () => {
    const other = '0abc0000-0000-4000-8000-000000000002';
    const mark = sim.requestLog.length;
    const env = { ...appEnv, MSAL_AUTHORITY_METADATA: sim.authorityMetadata(other) };
    const { code, stderr } = await runCli(['query', 'teams-chat', '--tenant', other, ...WINDOW], env);
    assert.equal(code, 0, stderr);
    assert.deepEqual([...new Set(since(mark).map((e) => e.tenant ?? e.path.split('/')[1]))], [other]);
  });

  it("a wrong client secret: exit 1, one line with Entra's reason, the secret nowhere", async () => {
    const secret = 'wrong-secret-value';
    const { code, stdout, stderr } = await runCli(['query', 'mail-delivery', ...WINDOW], {
      ...appEnv,
      AAD_APP_CLIENT_SECRET: secret,
    });
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(
      stderr,
      /^m365-pulse: Pulse could not get a Microsoft Graph token for tenant \S+: app-only sign-in for app \S+ failed \(invalid_client: AADSTS\d+: .+\)\n$/,
    );
    assert.ok(!stderr.includes(secret));
  });

  it("--token: no token request, the tenant from the token's tid, the token never printed", async () => {
    const token = appToken(sim);
    const mark = sim.requestLog.length;
    const { code, stdout, stderr } = await runCli(['query', 'teams-chat', '--token', token, ...WINDOW], {
      GRAPH_BASE_URL: sim.url,
    });
    assert.equal(code, 0, stderr);
    assert.equal((JSON.parse(stdout) as unknown[]).length, 4);
    assert.equal(since(mark).filter((e) => e.kind === 'token').length, 0);
    assert.deepEqual(
      since(mark).map((e) => [e.kind, e.tenant]),
      [['graph', TENANT]],
    );
    assert.ok(!stdout.includes(token) && !stderr.includes(token));
  });

  it('GRAPH_TOKEN with --graph, and a token Graph refuses (401) is exit 1 without the token', async () => {
    const ok = await runCli(['query', 'teams-chat', '--graph', sim.url, ...WINDOW], {
      GRAPH_TOKEN: appToken(sim),
    });
    assert.equal(ok.code, 0, ok.stderr);
    const forged = `${appToken(sim).slice(0, -6)}AAAAAA`;
    const refused = await runCli(['query', 'teams-chat', ...WINDOW], {
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN: forged,
    });
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^m365-pulse: Microsoft Graph did not accept Pulse's sign-in for tenant \S+ \(401/,
    );
    assert.ok(!refused.stderr.includes(forged.slice(20, 60)));
    assert.doesNotMatch(refused.stderr, /eyJ/);
  });
});
