import assert from 'node:assert/strict';
import { transition } from '../../src/monitor/alert-state';
import { evaluationEvent } from '../../src/monitor/alert-events';
import { evaluate } from '../../src/monitor/evaluate-rule';
import { incidentKey, type Incident } from '../../src/monitor/incident';
import type { Rule } from '../../src/monitor/rules';
import type { Series } from '../../src/domain/series';
import { decideCards, decideTransitions, chartsOf } from '../../src/cycle/decide';
import type { WatchedConversation } from '../../src/cycle/types';
import { defaultRule, fnOf, handSeries, MINUTE, TENANT, WEEK } from '../monitor/fixtures';

const START = Date.parse('2026-11-24T08:00:00Z');
const MAIL = fnOf('mail-delivery');
const CONN = fnOf('exchange-connectivity');
const MAIL_RULE = defaultRule('mail-delivery');
const CONN_RULE = defaultRule('exchange-connectivity');

/** Five-minute buckets from 08:00 and four weeks of history at `usual` each, as the fetch stage hands them over. */
function mailSeries(values: number[], usual = 1000): Series[] {
  const history = [1, 2, 3, 4].map((k) =>
    handSeries(
      MAIL,
      START - k * WEEK,
      values.map(() => usual),
    ),
  );
  return [handSeries(MAIL, START, values), ...history];
}

/** The moment the last of `n` buckets from 08:00 has ended (settle 0 in these tables). */
const endOf = (n: number) => START + n * 5 * MINUTE;

/** The incident a breach of `rule` at `now` opens, as the persist stage would have stored it. */
function openedBy(rule: Rule, series: Series[], now: number): Incident {
  const e = evaluate(rule, {
    current: series[0],
    history: series.slice(1),
    now,
    firing: false,
    settleMinutes: 0,
  });
  const step = transition(undefined, evaluationEvent(rule, e), now);
  assert.ok(step.incident, 'the fixture breach opens an incident');
  return step.incident;
}

describe('cycle stage 3 (decide), without a store or the simulator', () => {
  const severe = mailSeries([1000, 990, 1010, 150]);
  const firing = openedBy(MAIL_RULE, severe, endOf(4));
  const table: {
    name: string;
    series: Record<string, Series[]>;
    known?: Incident[];
    now: number;
    settle?: number;
    want: { fn: string; state: string; changes: boolean; effect?: string; incidentState?: string }[];
  }[] = [
    {
      name: 'a healthy metric with no incident changes nothing (no write)',
      series: { [MAIL]: mailSeries([1000, 990, 1010, 980]) },
      now: endOf(4),
      want: [{ fn: MAIL, state: 'healthy', changes: false, effect: 'none' }],
    },
    {
      name: 'a severe drop in a settled bucket opens an incident and posts its card',
      series: { [MAIL]: severe },
      now: endOf(4),
      want: [{ fn: MAIL, state: 'breach', changes: true, effect: 'post-card', incidentState: 'firing' }],
    },
    {
      name: 'the same drop still inside the settle time is not judged yet',
      series: { [MAIL]: severe },
      now: endOf(4),
      settle: 10,
      want: [{ fn: MAIL, state: 'healthy', changes: false, effect: 'none' }],
    },
    {
      name: 'an open incident whose metric recovered for 2 buckets resolves and updates its card',
      series: { [MAIL]: mailSeries([1000, 990, 1010, 150, 1000, 1000]) },
      known: [firing],
      now: endOf(6),
      want: [{ fn: MAIL, state: 'healthy', changes: true, effect: 'update-card', incidentState: 'resolved' }],
    },
    {
      name: 'a metric that was not fetched (Graph error) is not judged; the others are',
      series: { [CONN]: [handSeries(CONN, START, [99.9, 99.9, 84])] },
      now: endOf(3),
      want: [{ fn: CONN, state: 'breach', changes: true, effect: 'post-card', incidentState: 'firing' }],
    },
  ];

  for (const row of table)
    it(row.name, () => {
      const decisions = decideTransitions({
        tenantId: TENANT,
        now: row.now,
        rules: [MAIL_RULE, CONN_RULE],
        series: new Map(Object.entries(row.series)),
        known: new Map((row.known ?? []).map((i) => [i.key, i])),
        settleMinutes: row.settle ?? 0,
      });
      const got = decisions.map((d) => ({
        fn: d.rule.fn,
        state: d.evaluation.state,
        changes: d.changes,
        effect: d.step.effects[0]?.kind,
        ...(d.step.incident && d.changes ? { incidentState: d.step.incident.state } : {}),
      }));
      assert.deepEqual(got, row.want);
      for (const d of decisions) assert.equal(d.key, incidentKey(TENANT, d.rule.id, d.rule.fn));
    });

  it('gives each evaluated metric its chart: value against baseline per bucket', () => {
    const decisions = decideTransitions({
      tenantId: TENANT,
      now: endOf(4),
      rules: [MAIL_RULE],
      series: new Map([[MAIL, severe]]),
      known: new Map(),
      settleMinutes: 0,
    });
    const chart = chartsOf(decisions)[MAIL];
    assert.ok(chart.length >= 4);
    assert.deepEqual(chart.at(-1), { t: '2026-11-24T08:15:00Z', v: 150, baseline: 1000 });
  });
});

describe('cycle stage 3 (decide): which cards go where', () => {
  const now = endOf(4);
  const posted: Incident = { ...openedByMail(), cardPosted: true };
  const sub = (id: string, scope: WatchedConversation['scope'], quiet?: WatchedConversation['quiet']) => ({
    id,
    tenantId: TENANT,
    conversationId: `19:${id}@thread.tacv2`,
    scope,
    admin: { tenantId: TENANT, oid: 'adele' },
    quiet,
    locale: id === 'night' ? 'de-DE' : 'en-US',
    timeZone: quiet?.timeZone ?? 'America/New_York',
  });
  const exchange = sub('exchange', { kind: 'service', service: 'exchange' });
  const teams = sub('teams', { kind: 'service', service: 'teams' });
  const night = sub(
    'night',
    { kind: 'all' },
    { start: { hour: 7, minute: 0 }, end: { hour: 9, minute: 0 }, timeZone: 'UTC' },
  );

  function cards(over: Partial<Parameters<typeof decideCards>[0]>) {
    return decideCards({
      incidents: [posted],
      touched: new Set([posted.id]),
      subs: [exchange, teams, night],
      rules: [MAIL_RULE],
      charts: {},
      now,
      ...over,
    });
  }

  it('sends a touched group to each conversation watching one of its metrics, and no other', () => {
    const sends = cards({});
    assert.deepEqual(
      sends.map((s) => s.conversationId),
      [exchange.conversationId, night.conversationId],
    );
    assert.equal(sends[0].group.key, sends[1].group.key);
  });

  it("formats each conversation's card in its subscription's locale and zone", () => {
    const sends = cards({});
    assert.deepEqual(
      sends.map((s) => [s.locale, s.timeZone]),
      [
        ['en-US', 'America/New_York'],
        ['de-DE', 'UTC'],
      ],
    );
  });

  it('holds a card for a conversation in quiet hours until they end, and sends the rest at once', () => {
    const [open, held] = cards({});
    assert.equal(open.holdUntil, undefined);
    assert.equal(held.holdUntil, Date.parse('2026-11-24T09:00:00Z'));
  });

  it('sends nothing for an untouched group, a group whose card was never requested, or one resolved long ago', () => {
    assert.deepEqual(cards({ touched: new Set() }), []);
    assert.deepEqual(cards({ incidents: [{ ...posted, cardPosted: false }] }), []);
    const resolvedAt = new Date(now - 25 * 60 * MINUTE).toISOString();
    assert.deepEqual(cards({ incidents: [{ ...posted, state: 'resolved', resolvedAt }] }), []);
  });

  function openedByMail(): Incident {
    return openedBy(MAIL_RULE, mailSeries([1000, 990, 1010, 150]), endOf(4));
  }
});
