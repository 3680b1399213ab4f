import assert from 'node:assert/strict';
import { claim, releaseClaim, renewClaim } from '../../src/store/claim';
import { ETagConflictError } from '../../src/store/store';
import { updateWithRetry } from '../../src/store/update-with-retry';
import type { StoreHarness } from './contract';

interface RuleList {
  rules: string[];
}

/** updateWithRetry and claim across two clients of one backend: nothing lost, never two winners. */
export function concurrencyContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: concurrent writers`, () => {
    let h: StoreHarness;
    beforeEach(() => (h = harness()));
    afterEach(() => h.dispose());

    it('loses none of 100 concurrent rule edits from two clients', async function () {
      this.timeout(30_000);
      const a = await h.open();
      const b = await h.reopen();
      const key = 'rules/72f988bf-86f1-41af-91ab-2d7cd011db47/conversation';
      let conflicts = 0;
      const edits = Array.from({ length: 100 }, (_, i) =>
        updateWithRetry<RuleList>(
          i % 2 ? a : b,
          key,
          (cur) => ({ rules: [...(cur?.rules ?? []), `rule-${i}`] }),
          {
            onConflict: () => conflicts++,
          },
        ),
      );
      await Promise.all(edits);
      assert.ok(conflicts > 0, 'the two clients never raced, so the eTag path went untested');
      const rules = ((await a.read([key]))[key].rules as string[]).slice().sort();
      assert.equal(rules.length, 100);
      assert.deepEqual(rules, Array.from({ length: 100 }, (_, i) => `rule-${i}`).sort());
    });

    it('lets exactly one of two clients create the same key', async () => {
      const a = await h.open();
      const b = await h.reopen();
      for (let round = 0; round < 10; round++) {
        const results = await Promise.allSettled([
          a.write({ [`once/${round}`]: { by: 'a' } }, { createOnly: true }),
          b.write({ [`once/${round}`]: { by: 'b' } }, { createOnly: true }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        assert.equal(won.length, 1, `round ${round}`);
        const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        assert.ok(lost?.reason instanceof ETagConflictError);
        const stored = (await a.read([`once/${round}`]))[`once/${round}`].by;
        assert.equal(stored, results[0].status === 'fulfilled' ? 'a' : 'b');
      }
    });

    it('claim: exactly one of several concurrent claimers wins, and the others see the winner', async () => {
      const a = await h.open();
      const b = await h.reopen();
      for (let round = 0; round < 10; round++) {
        const key = `outbox-claims/tenant/alert-${round}`;
        const results = await Promise.all(
          ['w1', 'w2', 'w3', 'w4'].map((owner, i) => claim(i % 2 ? a : b, key, owner, 60_000)),
        );
        const winners = results.filter((r) => r.won);
        assert.equal(winners.length, 1, `round ${round}`);
        const owner = winners[0].claim.owner;
        for (const r of results) assert.equal(r.claim.owner, owner);
        assert.equal((await a.read([key]))[key].owner, owner);
      }
    });

    it('claim: only the holder may renew, others (the same owner too) wait until it expires, then exactly one takes over', async () => {
      const a = await h.open();
      const b = await h.reopen();
      let now = 1_000_000;
      const clock = { now: () => now };
      const key = 'outbox-claims/tenant/alert';
      assert.equal((await claim(a, key, 'old', 5_000, clock)).won, true);
      now += 4_000;
      assert.equal((await claim(a, key, 'old', 5_000, clock)).won, false, 'a held claim is not taken again');
      assert.equal(await renewClaim(b, key, 'other', 5_000, clock), false);
      assert.equal(await renewClaim(b, key, 'old', 5_000, clock), true);
      assert.deepEqual(
        { ...(await a.read([key]))[key], eTag: undefined },
        { owner: 'old', claimedAt: 1_000_000, expiresAt: 1_009_000, eTag: undefined },
      );
      now += 4_999;
      assert.deepEqual((await claim(b, key, 'new', 5_000, clock)).won, false);
      now += 1;
      const takeovers = await Promise.all([
        claim(a, key, 'new-a', 5_000, clock),
        claim(b, key, 'new-b', 5_000, clock),
      ]);
      assert.equal(takeovers.filter((r) => r.won).length, 1);
      const winner = takeovers.find((r) => r.won)!.claim.owner;
      assert.equal((await b.read([key]))[key].owner, winner);
      assert.equal(await releaseClaim(a, key, 'old'), false);
      assert.equal(await releaseClaim(b, key, winner), true);
      assert.equal((await claim(a, key, 'after-release', 5_000, clock)).won, true);
    });
  });
}
