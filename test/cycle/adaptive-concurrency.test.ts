import assert from 'node:assert/strict';
import { AdaptiveConcurrency, type CycleOutcome } from '../../src/cycle/adaptive-concurrency';
import { runPool } from '../../src/cycle/tenant-pool';

/** One tenant's cycle as the limit sees it: how it went, and how long its Graph fetch took (none: from the cache). */
type Sample = CycleOutcome | [CycleOutcome, number];

/** Feeds samples one by one and returns the limit after each. */
function play(limiter: AdaptiveConcurrency, samples: Sample[]): number[] {
  return samples.map((s) => {
    if (Array.isArray(s)) limiter.record(s[0], s[1]);
    else limiter.record(s);
    return limiter.limit;
  });
}
/** `n` tenants whose Graph fetch took `ms`. */
const ok = (n: number, ms = 300): Sample[] => Array.from({ length: n }, () => ['ok', ms] as Sample);
const cached = (n: number): Sample[] => Array(n).fill('ok');

describe('adaptive tenant concurrency (AIMD)', () => {
  it('doubles once per window of finished tenants while Graph latency holds (slow start)', () => {
    const limiter = new AdaptiveConcurrency({ initial: 4 });
    assert.deepEqual(play(limiter, ok(4)), [4, 4, 4, 8]);
    assert.deepEqual(play(limiter, ok(8)).at(-1), 16);
    assert.equal(play(limiter, ok(16, 370)).at(-1), 32, '1.23 × the best is not rising latency');
    assert.equal(limiter.bestLatencyMs, 300);
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

  it("halves when a window's mean Graph time exceeds twice the best, then grows by one while it holds", () => {
    const limiter = new AdaptiveConcurrency({ initial: 4 });
    play(limiter, [...ok(4, 320), ...ok(8, 330)]);
    assert.equal(limiter.limit, 16);
    // At 16 the process (or Graph) saturates: the window averages 700 ms, more than 2 × 320.
    assert.deepEqual(play(limiter, ok(16, 700)).slice(-2), [16, 8]);
    assert.equal(play(limiter, ok(16, 400)).at(-1), 9, 'the 16 in flight then close the window: +1, not ×2');
    assert.equal(play(limiter, ok(9, 600)).at(-1), 10, '600 ms is within 2 × 320');
    assert.equal(play(limiter, ok(10, 641)).at(-1), 5, '641 ms is not');
  });

  it('ends slow start when latency rises with the level (a saturated Graph), then grows by one per window', () => {
    const limiter = new AdaptiveConcurrency({ initial: 4 });
    play(limiter, ok(4, 1_000));
    assert.equal(limiter.limit, 8);
    // Twice the tenants, 1.9 times the latency: Graph is doing all it can. Not a decrease (< 2 ×), but no more doubling.
    assert.equal(play(limiter, ok(8, 1_900)).at(-1), 9);
    assert.equal(play(limiter, ok(9, 1_950)).at(-1), 10);
    assert.equal(play(limiter, ok(10, 2_100)).at(-1), 5, 'past 2 × the best it halves');
  });

  it("compares a window's mean, so one slow tenant among fast ones does not halve", () => {
    const limiter = new AdaptiveConcurrency({ initial: 4 });
    play(limiter, ok(4, 300));
    assert.equal(play(limiter, [...ok(7, 300), ['ok', 850]]).at(-1), 16, 'mean 369 ms');
  });

  it('leaves the limit alone after a window served from the cache: no evidence either way', () => {
    const limiter = new AdaptiveConcurrency({ initial: 4 });
    assert.equal(play(limiter, cached(40)).at(-1), 4);
    assert.equal(
      play(limiter, [...cached(3), ['ok', 300]]).at(-1),
      8,
      'one tenant that called Graph is enough',
    );
  });

  it('relearns its best latency once the remembered windows have passed, so a slower Graph is not fought forever', () => {
    const limiter = new AdaptiveConcurrency({ initial: 8, latencyMemory: 3 });
    play(limiter, ok(8, 100));
    assert.equal(limiter.limit, 16);
    // Graph itself became slower (not us): 500 ms whatever the load. Halved while 100 ms is remembered…
    play(limiter, ok(16, 500));
    assert.equal(limiter.limit, 8);
    play(limiter, ok(16, 500)); // the window after a decrease is as long as the old limit
    assert.equal(limiter.limit, 4);
    play(limiter, ok(8, 500));
    assert.equal(limiter.limit, 2);
    assert.equal(limiter.bestLatencyMs, 500, '…then 100 ms has left the memory');
    assert.equal(play(limiter, ok(4, 500)).at(-1), 3, 'and it grows again');
  });

  it('stays within its bounds', () => {
    const low = new AdaptiveConcurrency({ initial: 2, min: 2, max: 6 });
    play(low, ['congested', 'congested', 'congested', 'congested']);
    assert.equal(low.limit, 2);
    const high = new AdaptiveConcurrency({ initial: 4, max: 6 });
    play(high, ok(100));
    assert.equal(high.limit, 6);
    assert.equal(new AdaptiveConcurrency({ initial: 0 }).limit, 1);
    assert.equal(new AdaptiveConcurrency({ initial: 500 }).limit, 64, 'default ceiling');
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
