import assert from 'node:assert/strict';
import { AppTokens } from '../../src/auth/app-tokens';
import { decrypt, encrypt } from '../../src/auth/cache-crypto';
import { DelegatedTokens } from '../../src/auth/delegated-tokens';
import { EncryptedCachePlugin } from '../../src/auth/encrypted-cache-plugin';
import { MonitorIdentity } from '../../src/auth/monitor-identity';
import { confidentialClient } from '../../src/auth/msal-clients';
import { tokenCacheKey } from '../../src/auth/token-cache-scope';
import { parseConfig } from '../../src/config/config';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator } from '../../src/simulator';
import { SqliteStore } from '../../src/store/sqlite-store';
import { FlakyStore } from '../helpers/flaky-store';

const T1 = '00000000-0000-4000-8000-000000000001';
const ADELE = { tenantId: T1, oid: '00000000-0000-4000-8000-00000000a001', name: 'Adele Vance' };
const ALEX = { tenantId: T1, oid: '00000000-0000-4000-8000-00000000a002', name: 'Alex Wilber' };
const TEAMS = 'ServiceActivity-Teams.Read.All';
const adeleKey = tokenCacheKey({ kind: 'user', ...ADELE });

/** Two signed-in admins of one tenant whose app has no Teams permission: the monitor must use a delegated token. */
describe('monitor identity: one failing identity does not stop a tenant, the next one is tried', function () {
  this.timeout(20_000);
  const key = Buffer.alloc(32, 7);
  let sim: Simulator;
  let sqlite: SqliteStore;
  let store: FlakyStore;
  let monitor: MonitorIdentity;

  beforeEach(async () => {
    sim = await startSimulator({
      clients: {
        [DEMO_CLIENT_ID]: {
          secret: DEMO_CLIENT_SECRET,
          grantedAppRoles: ['ServiceActivity-Exchange.Read.All'],
          grantedScopes: [TEAMS],
        },
      },
    });
    const cfg = parseConfig({
      AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
      AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
      AAD_APP_TENANT_ID: T1,
      MSAL_AUTHORITY_METADATA: sim.authorityMetadata(T1),
    });
    sqlite = new SqliteStore(':memory:');
    store = new FlakyStore(sqlite);
    const delegated = new DelegatedTokens(confidentialClient(cfg, T1, new EncryptedCachePlugin(store, key)));
    for (const admin of [ADELE, ALEX])
      await delegated.exchange(
        admin,
        sim.issueUserAssertion({ ...admin, upn: `${admin.oid}@c`, audience: DEMO_CLIENT_ID }),
      );
    monitor = new MonitorIdentity(new AppTokens((t) => confidentialClient(cfg, t)), delegated);
  });
  afterEach(async () => {
    await sim.close();
    await sqlite.close();
  });

  it("skips the first admin whose token-cache entry is corrupt and uses the next admin's", async () => {
    await sqlite.write({ [adeleKey]: { sealed: 'not-a-sealed-cache' } });
    const c = await monitor.credential(T1, TEAMS, [ADELE, ALEX]);
    assert.equal(c.kind, 'delegated');
    if (c.kind === 'delegated') assert.equal(c.admin.oid, ALEX.oid);
  });

  it('skips the first admin whose token-cache entry the store fails to read', async () => {
    store.failReads((k) => k === adeleKey, Infinity);
    const c = await monitor.credential(T1, TEAMS, [ADELE, ALEX]);
    assert.equal(c.kind, 'delegated');
    if (c.kind === 'delegated') assert.equal(c.admin.oid, ALEX.oid);
  });

  it('skips the first admin whose token refresh fails on the network (and the app-only token too)', async () => {
    // Adele's access token is gone (only her refresh token is left), so msal must call Entra, which is down.
    const sealed = String((await sqlite.read([adeleKey]))[adeleKey].sealed);
    const cache = JSON.parse(decrypt(key, sealed, adeleKey)) as Record<string, unknown>;
    await sqlite.write({
      [adeleKey]: { sealed: encrypt(key, JSON.stringify({ ...cache, AccessToken: {} }), adeleKey) },
    });
    await sim.close();
    try {
      const c = await monitor.credential(T1, TEAMS, [ADELE, ALEX]);
      assert.equal(c.kind, 'delegated');
      if (c.kind === 'delegated') assert.equal(c.admin.oid, ALEX.oid);
    } finally {
      sim = await startSimulator({});
    }
  });

  it('reports none, naming what failed, only when every identity fails', async () => {
    store.failReads((k) => k.startsWith('tokencache/'), Infinity);
    const c = await monitor.credential(T1, TEAMS, [ADELE, ALEX]);
    assert.equal(c.kind, 'none');
    if (c.kind === 'none') {
      assert.match(c.reason, /Adele Vance.*Alex Wilber|Alex Wilber.*Adele Vance/);
      assert.match(c.reason, /503/);
      assert.equal(c.transient, true);
    }
    store.heal();
    assert.equal(
      (await monitor.credential(T1, TEAMS, [ADELE, ALEX])).kind,
      'delegated',
      'retried, works again',
    );
  });
});
