import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import { evaluate } from '../../src/monitor/evaluate-rule';
import {
  cardEffects,
  defaultRule,
  HOUR,
  MINUTE,
  playAlerts,
  simSeries,
  simStretch,
  simWindow,
} from './fixtures';

const MON = Date.parse('2026-11-23T00:00:00Z'); // a Monday; the simulated tenant works on UTC
const SAT = Date.parse('2026-11-28T00:00:00Z');
const TUE_10 = Date.parse('2026-11-24T10:00:00Z');
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const COUNT_DEFAULTS = METRICS.filter((m) => m.defaultRule.kind === 'drop' || m.defaultRule.kind === 'rise');

/** Every state the default rule of `metricId` reports while the loop runs over [from, to]. */
function statesOver(
  metricId: string,
  from: number,
  to: number,
  o: { seats?: number; lag?: number; step?: number } = {},
) {
  const stretch = simStretch(metricId, from - 6 * HOUR, to + 5 * MINUTE, {
    seats: o.seats,
    lag: o.lag,
    now: to,
  });
  const log = playAlerts(defaultRule(metricId), (now) => stretch.window(now), from, to, {
    stepMinutes: o.step,
  });
  return { log, states: new Set(log.map((c) => c.evaluation.state)), cards: cardEffects(log) };
}

describe('evaluate on realistic simulated data', () => {
  it('raises nothing on a normal Monday morning ramp, for any default rule', () => {
    for (const m of METRICS) {
      const { states, cards } = statesOver(m.id, MON + 5 * HOUR, MON + 11 * HOUR, { step: 10 });
      assert.deepEqual(cards, [], m.id);
      assert.ok(!states.has('breach'), m.id);
    }
    // The ramp is steep: 10:00 is many times 05:00, so comparing with the previous hours would have alarmed.
    const chat = simSeries('teams-chat', {
      start: MON + 5 * HOUR,
      end: MON + 11 * HOUR,
      now: MON + 12 * HOUR,
    });
    assert.ok(chat.points[chat.points.length - 1].v > 5 * chat.points[0].v);
  });

  it('raises nothing in the weekend lull, which a weekday baseline would call a drop', () => {
    for (const m of COUNT_DEFAULTS) {
      const { cards } = statesOver(m.id, SAT + 8 * HOUR, SAT + 14 * HOUR, { step: 10 });
      assert.deepEqual(cards, [], m.id);
    }
    const sat = simSeries('desktop-mail', {
      start: SAT + 10 * HOUR,
      end: SAT + 11 * HOUR,
      now: SAT + DAY_MS,
    });
    const fri = simSeries('desktop-mail', {
      start: SAT - 14 * HOUR,
      end: SAT - 13 * HOUR,
      now: SAT + DAY_MS,
    });
    const sum = (s: typeof sat) => s.points.reduce((a, p) => a + p.v, 0);
    assert.ok(sum(sat) < 0.2 * sum(fri), 'Saturday 10:00 is over 80 % below Friday 10:00');
  });

  it('raises nothing over a whole week of normal data for the busiest defaults', () => {
    const busiest: [string, number][] = [
      ['mail-delivery', 10_000],
      ['teams-chat', 10_000],
      ['meeting-joins', 10_000],
      ['mfa-failure', 100_000], // failures are rare: judged (above the floor) only in a big tenant
      ['exchange-connectivity', 10_000],
    ];
    for (const [id, seats] of busiest) {
      const { cards, states } = statesOver(id, MON, MON + 7 * 24 * HOUR, { step: 15, seats });
      assert.deepEqual(cards, [], id);
      assert.ok(states.has('healthy'), id);
    }
  });

  it('fires on mail-delivery-drop after 2 buckets and resolves after it ends, on one card', () => {
    const scenarios = [{ name: 'mail-delivery-drop', at: TUE_10 }]; // 45 minutes at 40 % of normal
    const stretch = simStretch('mail-delivery', TUE_10 - 7 * HOUR, TUE_10 + 2 * HOUR, { scenarios });
    const log = playAlerts(
      defaultRule('mail-delivery'),
      stretch.window,
      TUE_10 - 30 * MINUTE,
      TUE_10 + 90 * MINUTE,
    );
    assert.deepEqual(cardEffects(log), [
      '10:10 post-card', // buckets 10:00 and 10:05 complete, both ≈ 60 % down
      ...['10:15', '10:20', '10:25', '10:30', '10:35', '10:40', '10:45', '10:50'].map(
        (t) => `${t} update-card`,
      ),
      '10:55 update-card', // buckets 10:45 and 10:50 clear: resolved
    ]);
    const opened = log.find((c) => hhmm(c.now) === '10:10')!;
    assert.equal(opened.evaluation.breachingSince, '2026-11-24T10:00:00Z');
    assert.ok(opened.evaluation.deviationPct! < -50);
    const last = log[log.length - 1].incident!;
    assert.deepEqual(
      [last.state, last.occurrence, last.openedAt, last.resolvedAt],
      ['resolved', 1, '2026-11-24T10:10:00Z', '2026-11-24T10:55:00Z'],
    );
    assert.match(
      log.find((c) => hhmm(c.now) === '10:50')!.evaluation.reason,
      /still firing until a drop of < 35 %/,
    );
  });

  it('with late-arriving data and settleMinutes, fires and resolves once, one settle period later', () => {
    const scenarios = [{ name: 'mail-delivery-drop', at: TUE_10 }];
    // With lag the newest buckets read up to 40 % low until ingested; re-read each window at its own `now`.
    const windowAt = (now: number) => simWindow('mail-delivery', now, { scenarios, lag: 10 });
    const log = playAlerts(
      defaultRule('mail-delivery'),
      windowAt,
      TUE_10 - 30 * MINUTE,
      TUE_10 + 90 * MINUTE,
      {
        settleMinutes: 10,
      },
    );
    const cards = cardEffects(log);
    assert.deepEqual([cards[0], cards[cards.length - 1]], ['10:20 post-card', '11:05 update-card']);
    assert.equal(cards.filter((c) => c.endsWith('post-card')).length, 1);
  });

  it('ignores a newest bucket that is still filling, though it reads low', () => {
    const now = TUE_10 + 2.5 * MINUTE;
    const { current, history } = simWindow('mail-delivery', now);
    const newest = current.points[current.points.length - 1];
    assert.equal(newest.t, '2026-11-24T10:00:00Z');
    assert.ok(newest.v < 0.55 * current.points[current.points.length - 2].v, 'half a bucket of counts');
    const e = evaluate(defaultRule('mail-delivery'), { current, history, now });
    assert.equal(e.state, 'healthy');
    assert.equal(e.asOf, '2026-11-24T09:55:00Z');
  });

  it('stays quiet for a small tenant at night, even when the service breaks, and fires by day', () => {
    const rule = defaultRule('teams-chat');
    const night = Date.parse('2026-11-24T02:30:00Z');
    const seats = 300;
    for (const [at, expectFire] of [
      [night, false],
      [TUE_10, true],
    ] as const) {
      const scenarios = [{ name: 'teams-outage', at }];
      const log = playAlerts(
        rule,
        (now) => simWindow('teams-chat', now, { seats, scenarios }),
        at,
        at + 30 * MINUTE,
        {
          stepMinutes: 10,
        },
      );
      const states = new Set(log.map((c) => c.evaluation.state));
      assert.equal(states.has('breach'), expectFire, hhmm(at));
      if (!expectFire) assert.deepEqual([...states], ['low-volume']);
      if (!expectFire) assert.match(log[0].evaluation.reason, /too little traffic to judge/);
    }
  });

  it('in the first week, drop rules say "insufficient history" and level rules still fire', () => {
    const now = TUE_10 + 20 * MINUTE;
    const chat = simWindow('teams-chat', now, {
      weeks: 0,
      scenarios: [{ name: 'teams-outage', at: TUE_10 }],
    });
    const e = evaluate(defaultRule('teams-chat'), { ...chat, now });
    assert.equal(e.state, 'insufficient-history');
    assert.equal(e.baseline, null);
    const conn = simWindow('exchange-connectivity', now, {
      weeks: 0,
      scenarios: [{ name: 'connectivity-dip', at: TUE_10 }],
    });
    assert.equal(evaluate(defaultRule('exchange-connectivity'), { ...conn, now }).state, 'breach');
  });
});

const DAY_MS = 24 * HOUR;
