import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import type { Series } from '../../src/domain/series';
import { DEFAULT_SETTLE_MINUTES } from '../../src/monitor/detection-timing';
import { evaluate } from '../../src/monitor/evaluate-rule';
import { HARD_FLOORS, SEVERE_DROP_PCT } from '../../src/monitor/thresholds';
import {
  cardEffects,
  defaultRule,
  fnOf,
  handSeries,
  HOUR,
  MINUTE,
  playAlerts,
  simStretch,
  simWindow,
  WEEK,
} from './fixtures';

const START = Date.parse('2026-11-24T08:00:00Z');
const TUE_10 = Date.parse('2026-11-24T10:00:00Z');
const MAIL = fnOf('mail-delivery');
const CONN = fnOf('exchange-connectivity');

/** `values` as 5-minute buckets from 08:00, with four weeks of history at `usual` each. */
function drop(values: number[], usual = 1000) {
  const current = handSeries(MAIL, START, values);
  const history = [1, 2, 3, 4].map((k) =>
    handSeries(
      MAIL,
      START - k * WEEK,
      values.map(() => usual),
    ),
  );
  return { current, history };
}

/** `now` at which the last of `n` buckets from 08:00 has just settled for `settle` minutes. */
const settledAt = (n: number, settle = 0) => START + n * 5 * MINUTE + settle * MINUTE;

describe('severe breaches fire on one settled bucket', () => {
  it('a drop of 80 % or more fires the default 50 % rule on one bucket', () => {
    const e = evaluate(defaultRule('mail-delivery'), { ...drop([1000, 990, 1010, 150]), now: settledAt(4) });
    assert.equal(e.state, 'breach');
    assert.equal(e.breachingSince, '2026-11-24T08:15:00Z');
    assert.match(e.reason, /since 08:15 UTC; fires at a drop of ≥ 80 % in one bucket\.$/);
    assert.equal(SEVERE_DROP_PCT, 80);
  });

  it('a drop between 50 % and 80 % still needs the rule’s 2 buckets in a row', () => {
    const rule = defaultRule('mail-delivery');
    const one = evaluate(rule, { ...drop([1000, 990, 1010, 250]), now: settledAt(4) });
    assert.equal(one.state, 'healthy');
    const two = evaluate(rule, { ...drop([1000, 990, 250, 250]), now: settledAt(4) });
    assert.equal(two.state, 'breach');
    assert.equal(two.breachingSince, '2026-11-24T08:10:00Z');
    assert.match(two.reason, /fires at a drop of ≥ 50 % for 2 buckets\.$/);
    const healthy = evaluate(rule, { ...drop([1000, 990, 1010, 980]), now: settledAt(4) });
    assert.match(healthy.reason, /alerts at a drop of ≥ 50 % for 2 buckets, or a drop of ≥ 80 % in one\.$/);
  });

  it('keeps its hysteresis: one severe bucket fires, and it resolves only after 2 clear buckets', () => {
    const rule = defaultRule('mail-delivery');
    const oneClear = evaluate(rule, { ...drop([1000, 100, 1000]), now: settledAt(3), firing: true });
    assert.equal(oneClear.state, 'breach');
    const twoClear = evaluate(rule, { ...drop([1000, 100, 1000, 1000]), now: settledAt(4), firing: true });
    assert.equal(twoClear.state, 'healthy');
  });

  it('a severe drop on a baseline too small to judge stays low-volume', () => {
    const e = evaluate(defaultRule('mail-delivery'), { ...drop([20, 20, 20, 0], 20), now: settledAt(4) });
    assert.equal(e.state, 'low-volume');
  });

  it('a percentage metric under its hard floor fires on one bucket; between floor and level it needs 2', () => {
    const rule = defaultRule('exchange-connectivity'); // below 95 % for 2 buckets
    const at = (values: number[]) =>
      evaluate(rule, {
        current: handSeries(CONN, START, values),
        history: [],
        now: settledAt(values.length),
      });
    assert.equal(HARD_FLOORS[CONN], 85);
    const severe = at([99.9, 99.9, 84]);
    assert.equal(severe.state, 'breach');
    assert.match(severe.reason, /fires at below 85\.0 % in one bucket\.$/);
    assert.equal(at([99.9, 99.9, 90]).state, 'healthy');
    assert.equal(at([99.9, 90, 90]).state, 'breach');
  });

  it('every percentage metric has a hard floor below its default level, and counts have none', () => {
    for (const m of METRICS) {
      const floor = HARD_FLOORS[m.fn];
      if (m.unit === 'percent') assert.ok(floor !== undefined && floor < m.defaultRule.threshold, m.id);
      else assert.equal(floor, undefined, m.id);
    }
  });

  it('a custom rule whose own level is at or past the severe level keeps its duration', () => {
    const rule = defaultRule('mail-delivery', {
      id: 'custom:mail-delivery:drop:90',
      source: 'custom',
      threshold: 90,
      forBuckets: 3,
    });
    assert.equal(evaluate(rule, { ...drop([1000, 1000, 1000, 20]), now: settledAt(4) }).state, 'healthy');
    assert.equal(evaluate(rule, { ...drop([1000, 20, 20, 20]), now: settledAt(4) }).state, 'breach');
    const level = defaultRule('exchange-connectivity', { threshold: 80, forBuckets: 3 });
    const e = evaluate(level, {
      current: handSeries(CONN, START, [99, 99, 50]),
      history: [],
      now: settledAt(3),
    });
    assert.equal(e.state, 'healthy');
  });

  it('rise and above rules have no severe level: a sixfold rise still needs 2 buckets', () => {
    const fn = fnOf('mfa-failure');
    const current = handSeries(fn, START, [100, 100, 600]);
    const history = [1, 2, 3, 4].map((k) => handSeries(fn, START - k * WEEK, [100, 100, 100]));
    assert.equal(
      evaluate(defaultRule('mfa-failure'), { current, history, now: settledAt(3) }).state,
      'healthy',
    );
  });
});

describe('settle time', () => {
  it('judges a severe bucket only once it has ended settle minutes ago', () => {
    const rule = defaultRule('mail-delivery');
    const input = drop([1000, 1000, 1000, 50]);
    for (const [settle, late, state] of [
      [10, 5, 'healthy'],
      [10, 10, 'breach'],
      [0, 0, 'breach'],
      [30, 25, 'healthy'],
      [30, 30, 'breach'],
    ] as const) {
      const e = evaluate(rule, { ...input, now: settledAt(4, late), settleMinutes: settle });
      assert.equal(e.state, state, `settle ${settle}, ${late} minutes after the bucket ended`);
    }
  });
});

describe('production timing on the simulated tenant (5-minute buckets, 10 minutes of ingestion lag, settle 10)', () => {
  const loop = (metricId: string, scenario: string, o: { seats?: number; from?: number; to?: number } = {}) =>
    playAlerts(
      defaultRule(metricId),
      (now) =>
        simWindow(metricId, now, {
          scenarios: [{ name: scenario, at: TUE_10 }],
          lag: 10,
          seats: o.seats,
          hours: 2,
        }),
      o.from ?? TUE_10 - 15 * MINUTE,
      o.to ?? TUE_10 + 60 * MINUTE,
      { settleMinutes: DEFAULT_SETTLE_MINUTES },
    );

  it('mail-flow-outage (mail delivery −95 %) opens its card 15 minutes after onset, on one bucket', () => {
    const log = loop('mail-delivery', 'mail-flow-outage');
    assert.equal(cardEffects(log)[0], '10:15 post-card');
    const opened = log.find((c) => c.effects.some((e) => e.kind === 'post-card'))!;
    assert.equal(opened.evaluation.breachingSince, '2026-11-24T10:00:00Z');
  });

  it('mail-delivery-drop (−60 %) still waits for 2 settled buckets: 20 minutes after onset', () => {
    assert.equal(cardEffects(loop('mail-delivery', 'mail-delivery-drop'))[0], '10:20 post-card');
  });

  it('udp-blocked (60 %, under the 65 % hard floor) opens its card on one bucket', () => {
    assert.equal(cardEffects(loop('teams-udp', 'udp-blocked'))[0], '10:15 post-card');
  });

  it('mfa-noise raises no alert on any default rule', () => {
    for (const m of METRICS) assert.deepEqual(cardEffects(loop(m.id, 'mfa-noise')), [], m.id);
  });
});

describe('a quiet simulated week with production timing', function () {
  this.timeout(300_000);

  it('raises no alert on any default rule, with the newest buckets read before ingestion completes', () => {
    const mon = Date.parse('2026-11-23T00:00:00Z');
    const end = mon + 7 * 24 * HOUR;
    for (const seats of [10_000]) {
      const judged: string[] = [];
      for (const m of METRICS) {
        const week = simStretch(m.id, mon - 6 * HOUR, end + 5 * MINUTE, { seats });
        const log = playAlerts(
          defaultRule(m.id),
          (now) => lagged(week.window(now), m.id, now, seats),
          mon,
          end,
          {
            settleMinutes: DEFAULT_SETTLE_MINUTES,
          },
        );
        assert.deepEqual(cardEffects(log), [], `${m.id} at ${seats} seats`);
        if (log.some((c) => c.evaluation.state === 'healthy')) judged.push(m.id);
      }
      // Most rules were judged healthy at some point, not merely too quiet to judge all week.
      assert.ok(
        judged.length >= METRICS.length / 2,
        `${judged.length} of ${METRICS.length} rules judged at ${seats} seats`,
      );
    }
  });
});

/**
 * A window of final data with its newest 20 minutes replaced by what the simulator serves at `now` with 10 minutes
 * of ingestion lag (they read low), as a live cycle sees them.
 */
function lagged(
  window: { current: Series; history: Series[] },
  metricId: string,
  now: number,
  seats: number,
) {
  const recent = simWindow(metricId, now, { hours: 20 / 60, lag: 10, seats, weeks: 0 }).current;
  const from = recent.start;
  return {
    history: window.history,
    current: {
      ...window.current,
      points: [...window.current.points.filter((p) => p.t < from), ...recent.points],
      gaps: [...window.current.gaps.filter((t) => t < from), ...recent.gaps],
    },
  };
}
