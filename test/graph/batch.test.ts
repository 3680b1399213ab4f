import assert from 'node:assert/strict';
import { chunk, runBatched, type BatchSlot } from '../../src/graph/batch';
import type { AttemptOutcome, RetryPolicy } from '../../src/graph/retry';

const policy: RetryPolicy = {
  budgetMs: 10_000,
  maxRetries: 3,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  attemptReserveMs: 0,
};

function clock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    deps: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0.5,
    },
  };
}

describe('graph/batch', () => {
  it('chunks 39 into 20 + 19, 40 into 2, 41 into 3, 0 into none', () => {
    const n = (k: number) => chunk(Array.from({ length: k }, (_, i) => i)).map((c) => c.length);
    assert.deepEqual(n(39), [20, 19]);
    assert.deepEqual(n(40), [20, 20]);
    assert.deepEqual(n(41), [20, 20, 1]);
    assert.deepEqual(n(0), []);
    assert.deepEqual(chunk([1, 2, 3], 2), [[1, 2], [3]]);
  });

  it('re-sends retryable items only, coalescing those due together, until the budget ends', async () => {
    const { deps, sleeps } = clock();
    const sent: number[][] = [];
    const results = await runBatched<string, string>(
      5,
      async (slots: BatchSlot[]) => {
        sent.push(slots.map((s) => s.index));
        const round = sent.length;
        const out = new Map<number, AttemptOutcome<string, string>>();
        for (const { index } of slots) {
          if (index === 1 && round < 3)
            out.set(index, { ok: false, error: '429', retryable: true, retryAfterMs: 1_000 });
          else if (index === 2 && round === 1)
            out.set(index, { ok: false, error: '429', retryable: true, retryAfterMs: 1_020 });
          else if (index === 3) out.set(index, { ok: false, error: '403', retryable: false });
          else if (index === 4)
            out.set(index, { ok: false, error: '429', retryable: true, retryAfterMs: 60_000 });
          else out.set(index, { ok: true, value: `v${index}` });
        }
        return out;
      },
      policy,
      deps,
    );
    assert.deepEqual(
      sent,
      [[0, 1, 2, 3, 4], [1, 2], [1]],
      'items 1 and 2 (due 20 ms apart) share the second batch',
    );
    assert.deepEqual(sleeps, [1_000, 1_000]);
    assert.deepEqual(
      results.map((r) => (r.ok ? r.value : r.error)),
      ['v0', 'v1', 'v2', '403', '429'],
      'item 4 keeps its 429: its Retry-After is beyond the budget',
    );
  });

  it('sends more than 20 due items as several concurrent batches', async () => {
    const { deps } = clock();
    let inFlight = 0;
    let peak = 0;
    const sizes: number[] = [];
    await runBatched<number, string>(
      45,
      async (slots) => {
        sizes.push(slots.length);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return new Map(slots.map((s) => [s.index, { ok: true as const, value: s.index }]));
      },
      policy,
      deps,
    );
    assert.deepEqual(sizes, [20, 20, 5]);
    assert.equal(peak, 3);
  });
});
