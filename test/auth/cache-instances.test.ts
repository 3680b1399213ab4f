import assert from 'node:assert/strict';
import { DelegatedTokens } from '../../src/auth/delegated-tokens';
import { SignInRequiredError } from '../../src/graph/errors';
import { EncryptedCachePlugin } from '../../src/auth/encrypted-cache-plugin';
import { confidentialClient } from '../../src/auth/msal-clients';
import { parseConfig } from '../../src/config/config';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator } from '../../src/simulator';
import { SqliteStore } from '../../src/store/sqlite-store';

const T1 = '00000000-0000-4000-8000-000000000001';
const ADELE = { tenantId: T1, oid: '00000000-0000-4000-8000-00000000a001' };
const MEGAN = { tenantId: T1, oid: '00000000-0000-4000-8000-00000000b002' };

describe('token cache shared by several instances: a sign-out on one is a sign-out on all', function () {
  this.timeout(20_000);
  let sim: Simulator;
  let store: SqliteStore;
  const key = Buffer.alloc(32, 5);

  before(async () => (sim = await startSimulator()));
  after(() => sim.close());
  beforeEach(() => (store = new SqliteStore(':memory:')));
  afterEach(() => store.close());

  /** One bot instance's view: its own msal client and in-memory cache over the shared store. */
  const instance = () =>
    new DelegatedTokens(
      confidentialClient(
        parseConfig({
          AAD_APP_CLIENT_ID: DEMO_CLIENT_ID,
          AAD_APP_CLIENT_SECRET: DEMO_CLIENT_SECRET,
          AAD_APP_TENANT_ID: T1,
          MSAL_AUTHORITY_METADATA: sim.authorityMetadata(T1),
        }),
        T1,
        new EncryptedCachePlugin(store, key),
      ),
    );
  const assertion = (user: typeof ADELE) =>
    sim.issueUserAssertion({ ...user, name: 'Admin', upn: 'admin@contoso.com', audience: DEMO_CLIENT_ID });

  it('forgets the user on an instance that still held their tokens in memory', async () => {
    const [a, b] = [instance(), instance()];
    const token = await b.exchange(ADELE, assertion(ADELE)); // signed in on B: B's memory holds the tokens
    assert.equal(await a.token(ADELE), token, 'A reads them from the store');
    await a.signOut(ADELE);
    await assert.rejects(b.token(ADELE), SignInRequiredError);
    assert.deepEqual(Object.keys(await store.list('tokencache/')), [], 'and B did not write them back');
  });

  it('keeps other users signed in on that instance', async () => {
    const [a, b] = [instance(), instance()];
    await b.exchange(ADELE, assertion(ADELE));
    const megan = await b.exchange(MEGAN, assertion(MEGAN));
    await a.signOut(ADELE);
    assert.equal(await b.token(MEGAN), megan);
    await assert.rejects(b.token(ADELE), SignInRequiredError);
  });
});
