import assert from 'node:assert/strict';
import { evaluate, type EvaluateInput } from '../../src/monitor/evaluate-rule';
import type { Rule } from '../../src/monitor/rules';
import { defaultRule, fnOf, handSeries, MINUTE, WEEK } from './fixtures';

const START = Date.parse('2026-11-24T09:00:00Z'); // a Tuesday
const B = 5 * MINUTE;
const t = (i: number) => new Date(START + i * B).toISOString().replace('.000Z', 'Z');

/**
 * Evaluates `values` (one per 5-minute bucket from START, null = gap) against four history weeks whose every
 * bucket is `usual` (or none with `usual: null`); `now` defaults to the end of the last bucket.
 */
function run(
  rule: Rule,
  values: (number | null)[],
  o: { usual?: number | null; now?: number } & Partial<EvaluateInput> = {},
) {
  const usual = o.usual === undefined ? 1000 : o.usual;
  const current = handSeries(rule.fn, START, values);
  const history =
    usual === null
      ? []
      : [1, 2, 3, 4].map((k) =>
          handSeries(
            rule.fn,
            START - k * WEEK,
            values.map(() => usual),
          ),
        );
  return evaluate(rule, { current, history, now: START + values.length * B, ...o });
}

const drop = defaultRule('mail-delivery'); // drop ≥ 50 % for 2, clears < 35 %, floor 36
const N = (n: number, v: number) => Array<number>(n).fill(v);

describe('evaluate: detection over complete buckets', () => {
  it('fires after forBuckets consecutive breaching buckets, from the first of them', () => {
    const table: { values: number[]; state: string; since?: number }[] = [
      { values: N(6, 1000), state: 'healthy' },
      { values: [...N(5, 1000), 400], state: 'healthy' },
      { values: [...N(4, 1000), 400, 400], state: 'breach', since: 4 },
      { values: [...N(2, 1000), 400, 400, 400, 400], state: 'breach', since: 2 },
      { values: [...N(4, 1000), 500, 500], state: 'breach', since: 4 }, // exactly 50 % fires
      { values: [...N(4, 1000), 501, 501], state: 'healthy' },
    ];
    for (const { values, state, since } of table) {
      const e = run(drop, values);
      assert.equal(e.state, state, values.join());
      assert.equal(e.breachingSince, since === undefined ? undefined : t(since), values.join());
    }
  });

  it('resolves with hysteresis: < 35 % for 2 buckets, or 6 buckets without a breach', () => {
    const table: { values: number[]; state: string; why: string }[] = [
      { values: [400, 400, 1000], state: 'breach', why: 'one clear bucket is not enough' },
      { values: [400, 400, 1000, 1000], state: 'healthy', why: 'two clear buckets resolve' },
      { values: [400, 400, 600, 600, 600], state: 'breach', why: 'a 40 % drop is inside the band' },
      { values: [400, 400, 651, 651], state: 'healthy', why: 'a 34.9 % drop is clear' },
      { values: [400, 400, 650, 650], state: 'breach', why: 'exactly 35 % is still the band' },
      { values: [400, 400, ...N(5, 600)], state: 'breach', why: 'five quiet buckets' },
      { values: [400, 400, ...N(6, 600)], state: 'healthy', why: 'six quiet buckets resolve' },
      { values: [400, 400, 1000, 600, 1000], state: 'breach', why: 'the band breaks the clear run' },
    ];
    for (const { values, state, why } of table) assert.equal(run(drop, values).state, state, why);
  });

  it('does not flap: alternating breach and healthy neither fires nor resolves', () => {
    const alternating = [400, 1000, 400, 1000, 400, 1000, 400, 1000];
    assert.equal(run(drop, alternating).state, 'healthy');
    assert.equal(run(drop, alternating.slice(0, 7)).state, 'healthy');
    assert.equal(run(drop, alternating, { firing: true }).state, 'breach');
    assert.equal(run(drop, [400, 600, 400, 600, 400, 600, 400, 600], { firing: true }).state, 'breach');
  });

  it('carries an open incident across windows with `firing`', () => {
    const band = N(4, 600);
    assert.equal(run(drop, band, { firing: true }).state, 'breach');
    assert.equal(run(drop, band).state, 'healthy');
    const e = run(drop, [600, 400, 600], { firing: true });
    assert.equal(
      e.breachingSince,
      t(1),
      'a replay that starts firing dates the breach from the first it sees',
    );
    assert.match(
      run(drop, band, { firing: true }).reason,
      /\(firing before this window\); still firing until a drop of < 35 %/,
    );
  });

  it('ignores the newest incomplete bucket, even when it reads low', () => {
    const values = [1000, 1000, 400, 50];
    const e = run(drop, values, { now: START + 3 * B + 150_000 }); // half-way through bucket 3
    assert.equal(e.state, 'healthy');
    assert.equal(e.asOf, t(2));
    assert.equal(e.value, 400);
    assert.equal(e.buckets.length, 3);
    assert.equal(run(drop, values).state, 'breach', 'once complete, the same buckets fire');
  });

  it('waits settleMinutes before judging a bucket (late-arriving data)', () => {
    const values = [1000, 1000, 400, 400];
    assert.equal(run(drop, values, { settleMinutes: 5 }).state, 'healthy');
    assert.equal(run(drop, values, { settleMinutes: 5, now: START + 5 * B }).state, 'breach');
  });

  it('reports missing data as no-data: it neither fires nor resolves', () => {
    const table: { values: (number | null)[]; firing?: boolean; state: string }[] = [
      { values: [1000, 400, 400, null], state: 'no-data' },
      { values: [400, 400, null], firing: false, state: 'no-data' },
      { values: [400, null, 400], state: 'healthy' }, // a gap breaks the run: not two in a row
      { values: [400, 1000, null, 1000], firing: true, state: 'breach' }, // nor two clear in a row
      { values: [], state: 'no-data' },
    ];
    for (const { values, firing, state } of table)
      assert.equal(run(drop, values, { firing }).state, state, values.join());
    const e = run(drop, [1000, null]);
    assert.deepEqual([e.value, e.baseline, e.deviationPct, e.asOf], [null, 1000, null, t(1)]);
    assert.match(e.reason, /no data for the newest bucket \(09:05 UTC\)/);
    assert.match(run(drop, []).reason, /no complete bucket/);
  });

  it('does not alert on low volume: a drop needs a baseline at the floor, a rise a value at the floor', () => {
    assert.equal(run(drop, [0, 0, 0], { usual: 35 }).state, 'low-volume');
    assert.equal(run(drop, [0, 0, 0], { usual: 36 }).state, 'breach');
    assert.match(
      run(drop, [3, 3], { usual: 20 }).reason,
      /too little traffic to judge at 09:05 UTC \(usual 20, floor 36\)/,
    );
    const rise = defaultRule('mfa-failure'); // rise ≥ 100 % for 2, value floor 20
    assert.equal(run(rise, [19, 19, 19], { usual: 2 }).state, 'low-volume');
    assert.equal(run(rise, [20, 20], { usual: 2 }).state, 'breach');
    assert.equal(run(rise, [60, 60, 10], { usual: 30 }).state, 'breach');
    // Few failures are evidence of health: two buckets under the floor resolve a firing rise.
    assert.equal(run(rise, [60, 60, 10, 10], { usual: 30 }).state, 'low-volume');
  });

  it('holds a firing drop through buckets too quiet to judge', () => {
    const current = handSeries(drop.fn, START, [400, 400, 5, 5, 5]);
    const usual = [1000, 1000, 20, 20, 20];
    const history = [1, 2].map((k) => handSeries(drop.fn, START - k * WEEK, usual));
    const e = evaluate(drop, { current, history, now: START + 5 * B });
    assert.equal(e.state, 'breach');
    assert.deepEqual(
      e.buckets.map((b) => b.verdict),
      ['breach', 'breach', 'low-volume', 'low-volume', 'low-volume'],
    );
  });

  it('needs history for drop and rise rules only; absolute levels work from day one', () => {
    const e = run(drop, [400, 400], { usual: null });
    assert.equal(e.state, 'insufficient-history');
    assert.match(
      e.reason,
      /no earlier week has the 09:05 UTC slot yet \(0 of 4 weeks available\); drop rules need at least one/,
    );
    const conn = defaultRule('exchange-connectivity'); // below 95 % for 2, clears ≥ 96 %
    assert.equal(run(conn, [99.9, 94, 94], { usual: null }).state, 'breach');
    assert.equal(run(conn, [99.9, 99.9], { usual: null }).state, 'healthy');
  });

  it('judges percentages by absolute level with a one-point band', () => {
    const conn = defaultRule('exchange-connectivity');
    const table: { values: number[]; state: string }[] = [
      { values: [99.9, 94.9, 94.9], state: 'breach' },
      { values: [99.9, 95, 95], state: 'healthy' },
      { values: [94, 94, 95.5, 95.5, 95.9], state: 'breach' },
      { values: [94, 94, 96, 96], state: 'healthy' },
    ];
    for (const { values, state } of table)
      assert.equal(run(conn, values, { usual: 99.9 }).state, state, values.join());
    const e = run(conn, [94, 94], { usual: 99.9 });
    assert.match(
      e.reason,
      /^Exchange connectivity: 94\.0 % since 09:00 UTC; fires at below 95\.0 % for 2 buckets\.$/,
    );
    assert.equal(Math.round(e.deviationPct!), -6);
  });

  it('fires "above 0" state counts on two buckets with any down, and clears at zero', () => {
    const tunnels = defaultRule('gsa-tunnel-disconnected');
    assert.equal(run(tunnels, [0, 2, 2], { usual: 0 }).state, 'breach');
    assert.equal(run(tunnels, [0, 2, 0], { usual: 0 }).state, 'healthy');
    assert.equal(run(tunnels, [2, 2, 0, 0], { usual: 0 }).state, 'healthy');
    assert.equal(run(tunnels, [2, 2, 0, 1], { usual: 0 }).state, 'breach');
  });

  it('explains itself in one sentence', () => {
    assert.equal(
      run(drop, [1000, 400, 400]).reason,
      'Mail delivery: 400, -60 % vs usual 1,000 (median of 4 weeks) since 09:05 UTC; fires at a drop of ≥ 50 % for 2 buckets.',
    );
    assert.equal(
      run(drop, [1000, 950]).reason,
      'Mail delivery: 950, -5 % vs usual 1,000 (median of 4 weeks) at 09:05 UTC; alerts at a drop of ≥ 50 % for 2 buckets, or a drop of ≥ 80 % in one.',
    );
    assert.match(
      run(drop, [400, 400, 600]).reason,
      /still firing until a drop of < 35 % for 2 buckets \(or 6 without a breach\)/,
    );
  });

  it('returns the last chartMinutes of judged buckets with their baselines', () => {
    const e = run(drop, [...N(10, 1000), 400, 400], { chartMinutes: 30 });
    assert.equal(e.buckets.length, 6);
    assert.deepEqual(e.buckets[5], {
      t: t(11),
      value: 400,
      baseline: 1000,
      deviationPct: -60,
      verdict: 'breach',
    });
    assert.deepEqual(e.baselineWeeks, [1, 2, 3, 4]);
  });

  it('refuses a series of another metric', () => {
    const current = handSeries(fnOf('teams-chat'), START, [1]);
    assert.throws(
      () => evaluate(drop, { current, history: [], now: START + B }),
      /the series is for getMessageVolumeMetricsForTeamsChat/,
    );
  });
});
