import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppTokens } from '../../src/auth/app-tokens';
import { resolveCacheKey, WrongCacheKeyError } from '../../src/auth/cache-key';
import { DelegatedTokens } from '../../src/auth/delegated-tokens';
import { SignInRequiredError } from '../../src/graph/errors';
import { DemoIdentity } from '../../src/auth/demo-identity';
import { EncryptedCachePlugin } from '../../src/auth/encrypted-cache-plugin';
import { permissionsInToken } from '../../src/auth/graph-scopes';
import { Identity } from '../../src/auth/identity';
import { MonitorIdentity } from '../../src/auth/monitor-identity';
import { confidentialClient } from '../../src/auth/msal-clients';
import { parseConfig } from '../../src/config/config';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator } from '../../src/simulator';
import { SqliteStore } from '../../src/store/sqlite-store';

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';
const ADELE = { tenantId: T1, oid: '00000000-0000-4000-8000-00000000a001' };
const MEGAN = { tenantId: T2, oid: '00000000-0000-4000-8000-00000000b002' };

describe('identity: encrypted token cache, on-behalf-of, app-only, demo identity', function () {
  this.timeout(20_000);
  let sim: Simulator;
  let dir: string;
  const key = Buffer.alloc(32, 3);

  before(async () => {
    sim = await startSimulator({
      clients: {
        [DEMO_CLIENT_ID]: {
          secret: DEMO_CLIENT_SECRET,
          grantedAppRoles: ['ServiceActivity-Exchange.Read.All'],
          grantedScopes: [
            'ServiceActivity-Exchange.Read.All',
            'ServiceActivity-Teams.Read.All',
            'Reports.Read.All',
          ],
        },
      },
    });
  });
  after(() => sim.close());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pulse-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = (tenant: string) =>
    parseConfig({
      AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
      AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
      AAD_APP_TENANT_ID: tenant,
      MSAL_AUTHORITY_METADATA: sim.authorityMetadata(tenant),
    });
  const delegatedOn = (store: SqliteStore, tenant = T1) =>
    new DelegatedTokens(confidentialClient(config(tenant), tenant, new EncryptedCachePlugin(store, key)));
  const tokenCalls = () => sim.requestLog.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
  const assertion = (user: typeof ADELE) =>
    sim.issueUserAssertion({ ...user, name: 'Admin', upn: 'admin@contoso.com', audience: DEMO_CLIENT_ID });

  it('serves a token after a restart from the encrypted store, with zero token-endpoint calls', async () => {
    const path = join(dir, 'pulse.db');
    let store = new SqliteStore(path);
    const first = await delegatedOn(store).exchange(ADELE, assertion(ADELE));
    assert.deepEqual(permissionsInToken(first).sort(), [
      'Reports.Read.All',
      'ServiceActivity-Exchange.Read.All',
      'ServiceActivity-Teams.Read.All',
    ]);
    await store.close();

    store = new SqliteStore(path);
    const calls = tokenCalls();
    const again = await delegatedOn(store).token(ADELE);
    assert.equal(again, first);
    assert.equal(tokenCalls(), calls, 'no token-endpoint call after the restart');
    await store.close();

    const bytes =
      readFileSync(path).toString('latin1') + readFileSync(`${path}-wal`, { flag: 'a+' }).toString('latin1');
    assert.ok(!bytes.includes(first.split('.')[1]), 'the access token is not stored in plain text');
    // A JWT's header and payload, both JSON ("eyJ"): base64url ciphertext alone may contain "eyJ" by chance.
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(bytes), 'no JWT in the database file');
  });

  it('keeps each user and tenant in its own token-cache scope; signing out removes only that user', async () => {
    const store = new SqliteStore(':memory:');
    const tokens1 = delegatedOn(store, T1);
    const tokens2 = delegatedOn(store, T2);
    await tokens1.exchange(ADELE, assertion(ADELE));
    await assert.rejects(tokens2.token(MEGAN), SignInRequiredError);
    await assert.rejects(
      tokens1.token({ tenantId: T2, oid: ADELE.oid }),
      SignInRequiredError,
      'same oid, other tenant',
    );
    await tokens2.exchange(MEGAN, assertion(MEGAN));
    const keys = Object.keys(await store.list('tokencache/')).filter((k) => !k.endsWith('_keycheck'));
    assert.deepEqual(keys.sort(), [
      `tokencache/${T1}/users/${ADELE.oid}`,
      `tokencache/${T2}/users/${MEGAN.oid}`,
    ]);
    await tokens1.signOut(ADELE);
    await assert.rejects(tokens1.token(ADELE), SignInRequiredError);
    assert.ok(await tokens2.isSignedIn(MEGAN));
    assert.deepEqual(Object.keys(await store.list(`tokencache/${T1}/`)), []);
    await store.close();
  });

  it('refuses to start with a wrong key, naming TOKEN_CACHE_KEY', async () => {
    const store = new SqliteStore(':memory:');
    await resolveCacheKey(store, key.toString('base64'), join(dir, 'unused.key'));
    await assert.rejects(
      resolveCacheKey(store, Buffer.alloc(32, 4).toString('base64'), join(dir, 'unused.key')),
      (e: unknown) =>
        e instanceof WrongCacheKeyError && /^Configuration error: TOKEN_CACHE_KEY /.test(e.message),
    );
    await store.close();
  });

  it('generates a demo key once, readable only by its owner', async () => {
    const store = new SqliteStore(':memory:');
    const file = join(dir, 'token-cache.key');
    const a = await resolveCacheKey(store, undefined, file);
    const b = await resolveCacheKey(store, undefined, file);
    assert.deepEqual(a, b);
    assert.equal((await import('node:fs')).statSync(file).mode & 0o777, 0o600);
    await store.close();
  });

  it('gets app-only tokens per tenant with the granted roles', async () => {
    const app = new AppTokens((tenant) => confidentialClient(config(tenant), tenant));
    const got = await app.token(T1);
    assert.deepEqual(got?.permissions, ['ServiceActivity-Exchange.Read.All']);
  });

  it('reports no app-only identity when the tenant granted the app nothing', async () => {
    const bare = await startSimulator({
      clients: { [DEMO_CLIENT_ID]: { secret: DEMO_CLIENT_SECRET, grantedAppRoles: [], grantedScopes: [] } },
    });
    try {
      const cfg = parseConfig({
        AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
        AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
        MSAL_AUTHORITY_METADATA: bare.authorityMetadata(T1),
      });
      assert.equal(await new AppTokens((t) => confidentialClient(cfg, t)).token(T1), undefined);
    } finally {
      await bare.close();
    }
  });

  it('signs a demo user in through the simulated tenant and the same on-behalf-of path', async () => {
    const store = new SqliteStore(':memory:');
    const identity = new Identity('demo', delegatedOn(store), new DemoIdentity(sim.url, DEMO_CLIENT_ID));
    const token = await identity.graphToken({ ...ADELE, name: 'Adele Vance' });
    assert.ok(permissionsInToken(token).includes('ServiceActivity-Teams.Read.All'));
    const calls = tokenCalls();
    assert.equal(await identity.graphToken(ADELE), token);
    assert.equal(tokenCalls(), calls);
    await store.close();
  });
});

describe('monitor identity: app-only first, then a subscriber, else paused with the admins named', function () {
  this.timeout(20_000);
  let sim: Simulator;
  const key = Buffer.alloc(32, 5);
  before(async () => {
    sim = await startSimulator({
      clients: {
        [DEMO_CLIENT_ID]: {
          secret: DEMO_CLIENT_SECRET,
          grantedAppRoles: ['ServiceActivity-Exchange.Read.All'],
          grantedScopes: ['ServiceActivity-Teams.Read.All'],
        },
      },
    });
  });
  after(() => sim.close());

  const setup = async () => {
    const cfg = parseConfig({
      AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
      AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
      AAD_APP_TENANT_ID: T1,
      MSAL_AUTHORITY_METADATA: sim.authorityMetadata(T1),
    });
    const store = new SqliteStore(':memory:');
    const delegated = new DelegatedTokens(confidentialClient(cfg, T1, new EncryptedCachePlugin(store, key)));
    const monitor = new MonitorIdentity(new AppTokens((t) => confidentialClient(cfg, t)), delegated);
    return { store, delegated, monitor };
  };
  const adele = { ...ADELE, name: 'Adele Vance' };

  it('uses the app-only token (roles claim) when the tenant granted that application permission', async () => {
    const { monitor, store } = await setup();
    const c = await monitor.credential(T1, 'ServiceActivity-Exchange.Read.All', []);
    assert.equal(c.kind, 'app');
    if (c.kind === 'app')
      assert.deepEqual(permissionsInToken(c.token), ['ServiceActivity-Exchange.Read.All']);
    await store.close();
  });

  it("falls back to a subscribing admin's delegated token for a permission the app lacks", async () => {
    const { monitor, delegated, store } = await setup();
    await delegated.exchange(
      ADELE,
      sim.issueUserAssertion({ ...ADELE, name: 'Adele', upn: 'a@c', audience: DEMO_CLIENT_ID }),
    );
    const c = await monitor.credential(T1, 'ServiceActivity-Teams.Read.All', [adele]);
    assert.equal(c.kind, 'delegated');
    await store.close();
  });

  it('reports no identity, naming the admins who must sign in again, when neither works', async () => {
    const { monitor, store } = await setup();
    const c = await monitor.credential(T1, 'ServiceActivity-Teams.Read.All', [
      adele,
      { ...MEGAN, name: 'Megan' },
    ]);
    assert.equal(c.kind, 'none');
    if (c.kind === 'none') {
      assert.deepEqual(
        c.admins.map((a) => a.name),
        ['Adele Vance'],
      );
      assert.match(c.reason, /no ServiceActivity-Teams\.Read\.All application permission/);
    }
    await store.close();
  });
});
