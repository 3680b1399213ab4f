import assert from 'node:assert/strict';
import { AdaptiveConcurrency, type CycleOutcome } from '../../src/cycle/adaptive-concurrency';
import { runPool } from '../../src/cycle/tenant-pool';

/** Feeds outcomes one by one and returns the limit after each. */
function play(limiter: AdaptiveConcurrency, outcomes: CycleOutcome[]): number[] {
  return outcomes.map((o) => {
    limiter.record(o);
    return limiter.limit;
  });
}
const ok = (n: number): CycleOutcome[] => Array(n).fill('ok');

describe('adaptive tenant concurrency (AIMD)', () => {
  it('doubles once per window of finished tenants while nothing pushes back (slow start)', () => {
    const limiter = new AdaptiveConcurrency({ initial: 4 });
    assert.deepEqual(play(limiter, ok(4)), [4, 4, 4, 8]);
    assert.deepEqual(play(limiter, ok(8)).at(-1), 16);
    assert.equal(play(limiter, ok(16)).at(-1), 32);
  });

  it('halves on congestion once per window, then grows by one per window', () => {
    const limiter = new AdaptiveConcurrency({ initial: 16 });
    // Graph throttles: the first report halves at once; the others in flight then do not halve again.
    assert.deepEqual(play(limiter, ['congested', 'congested', 'congested']), [8, 8, 8]);
    assert.deepEqual(play(limiter, ok(13)).at(-1), 8, 'the 16 in flight when it halved finish first');
    assert.deepEqual(play(limiter, ok(1)).at(-1), 9, 'then +1 per window, not ×2');
    assert.equal(play(limiter, ok(9)).at(-1), 10);
    assert.equal(
      play(limiter, ['congested']).at(-1),
      10,
      'inside a window, a congestion waits for it to close',
    );
    assert.equal(play(limiter, ok(8)).at(-1), 10);
    assert.equal(play(limiter, ['congested']).at(-1), 5, 'at the end of the window it halves');
  });

  it('stays within its bounds', () => {
    const low = new AdaptiveConcurrency({ initial: 2, min: 2, max: 6 });
    play(low, ['congested', 'congested', 'congested', 'congested']);
    assert.equal(low.limit, 2);
    const high = new AdaptiveConcurrency({ initial: 4, max: 6 });
    play(high, ok(100));
    assert.equal(high.limit, 6);
    assert.equal(new AdaptiveConcurrency({ initial: 0 }).limit, 1);
  });
});

describe('tenant pool', () => {
  const tick = () => new Promise((r) => setImmediate(r));

  it('runs every item, never more than the limit at once, and follows a limit that changes while it runs', async () => {
    let limit = 2;
    let inFlight = 0;
    const peaks: number[] = [];
    const done: number[] = [];
    await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      () => limit,
      async (i) => {
        inFlight++;
        peaks.push(inFlight);
        assert.ok(inFlight <= limit, `in flight ${inFlight} > limit ${limit}`);
        await tick();
        if (i === 5) limit = 5;
        inFlight--;
        done.push(i);
      },
    );
    assert.deepEqual(
      [...done].sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.equal(Math.max(...peaks.slice(0, 6)), 2);
    assert.equal(Math.max(...peaks), 5);
  });

  it('lets a slow item hold only its own slot', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const finished: string[] = [];
    const pool = runPool(
      ['slow', 'a', 'b', 'c'],
      () => 2,
      async (item) => {
        if (item === 'slow') await slow;
        else await tick();
        finished.push(item);
      },
    );
    for (let i = 0; i < 10 && finished.length < 3; i++) await tick();
    assert.deepEqual(finished, ['a', 'b', 'c']);
    release();
    await pool;
    assert.deepEqual(finished, ['a', 'b', 'c', 'slow']);
  });

  it('finishes at once with nothing to do', async () => {
    await runPool(
      [],
      () => 4,
      async () => assert.fail('no item'),
    );
  });
});
