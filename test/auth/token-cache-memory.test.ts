import assert from 'node:assert/strict';
import { DelegatedTokens } from '../../src/auth/delegated-tokens';
import { EncryptedCachePlugin } from '../../src/auth/encrypted-cache-plugin';
import { confidentialClient } from '../../src/auth/msal-clients';
import { withTokenCacheScope } from '../../src/auth/token-cache-scope';
import { parseConfig } from '../../src/config/config';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator } from '../../src/simulator';
import { SqliteStore } from '../../src/store/sqlite-store';

const T = '00000000-0000-4000-8000-000000000001';
const user = (n: number) => ({ tenantId: T, oid: `00000000-0000-4000-8000-00000000c00${n}` });

describe('token cache: a turn holds only the users in flight in msal memory', function () {
  this.timeout(20_000);
  let sim: Simulator;
  before(async () => (sim = await startSimulator()));
  after(() => sim.close());

  it('loads only its own user: idle users are dropped from memory, users in flight are kept', async () => {
    const store = new SqliteStore(':memory:');
    const config = parseConfig({
      AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
      AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
      AAD_APP_TENANT_ID: T,
      MSAL_AUTHORITY_METADATA: sim.authorityMetadata(T),
    });
    const msal = confidentialClient(config, T, new EncryptedCachePlugin(store, Buffer.alloc(32, 7)));
    const tokens = new DelegatedTokens(msal);
    for (const n of [1, 2, 3]) {
      const u = user(n);
      await tokens.exchange(
        u,
        sim.issueUserAssertion({
          ...u,
          name: `User ${n}`,
          upn: `u${n}@contoso.com`,
          audience: DEMO_CLIENT_ID,
        }),
      );
    }
    const usersInMemory = () =>
      [
        ...new Set(
          Object.values(msal.getTokenCache().getKVStore()).flatMap((e) => {
            const home = (e as { homeAccountId?: string }).homeAccountId;
            return home ? [home.split('.')[0]] : [];
          }),
        ),
      ].sort();

    assert.ok(await tokens.token(user(2)));
    assert.deepEqual(usersInMemory(), [user(2).oid], 'only the user of the last access');

    // User 1's turn is in flight while user 3's turn reads the cache: user 1 stays.
    await withTokenCacheScope({ kind: 'user', ...user(1) }, async () => {
      assert.ok(await tokens.token(user(1)));
      assert.ok(await tokens.token(user(3)));
      assert.deepEqual(usersInMemory(), [user(1).oid, user(3).oid].sort());
      assert.ok(await tokens.token(user(1)), 'user 1 is still served from the cache');
    });
    const calls = sim.requestLog.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
    assert.equal(calls, 3, 'three sign-ins, and every later token came from the cache');
  });
});
