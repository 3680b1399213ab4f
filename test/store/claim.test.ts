import assert from 'node:assert/strict';
import { claim } from '../../src/store/claim';
import { SqliteStore } from '../../src/store/sqlite-store';

describe('claim: one holder per claim, whoever asks', () => {
  let store: SqliteStore;
  beforeEach(() => (store = new SqliteStore(':memory:')));
  afterEach(() => store.close());

  it('refuses a held claim to its own owner too: two sends of one process cannot both win', async () => {
    const now = () => 1_000_000;
    assert.equal((await claim(store, 'claims/x', 'instance-a', 60_000, { now })).won, true);
    const again = await claim(store, 'claims/x', 'instance-a', 60_000, { now });
    assert.equal(again.won, false);
    assert.equal(again.claim.owner, 'instance-a');
  });

  it('two concurrent claims by one owner: exactly one wins', async () => {
    const results = await Promise.all([1, 2, 3].map(() => claim(store, 'claims/y', 'instance-a', 60_000)));
    assert.equal(results.filter((r) => r.won).length, 1);
  });
});
