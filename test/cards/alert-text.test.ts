import assert from 'node:assert/strict';
import { chartPoints } from '../../src/cards/alert-input';
import { alertChart } from '../../src/cards/alert-chart';
import { buildAlertsPausedCard } from '../../src/cards/alert-paused-card';
import { buildActionRefusedCard } from '../../src/cards/alert-refused-card';
import { formatDuration } from '../../src/cards/alert-state-line';
import { entryPhrase, mergedHistory, timelineFacts } from '../../src/cards/alert-timeline';
import { metricById } from '../../src/domain/catalog';
import { evaluate } from '../../src/monitor/evaluate-rule';
import { defaultRulesFor } from '../../src/monitor/rules';
import { SYSTEM_ACTOR } from '../../src/monitor/actor';
import { series } from './synthetic';
import { acted, ADELE, ALEX, at, NOW, opened, TENANT, texts, TZ } from './alert-fixtures';

const MIN = 60_000;

describe('cards/alert text', () => {
  it('formatDuration', () => {
    const table: [number, string][] = [
      [0, 'under a minute'],
      [59_999, 'under a minute'],
      [45 * MIN, '45 min'],
      [60 * MIN, '1 h'],
      [65 * MIN, '1 h 5 min'],
      [1439 * MIN, '23 h 59 min'],
      [1440 * MIN, '1 day'],
      [27 * 60 * MIN, '1 day 3 h'],
      [2 * 1440 * MIN, '2 days'],
      [-5 * MIN, 'under a minute'],
    ];
    for (const [ms, want] of table) assert.equal(formatDuration(ms), want, String(ms));
  });

  it('history phrases in local time; a snooze note with its own words keeps them instead', () => {
    const base = opened('mail-delivery', at('13:00'), 1, 10);
    const snoozed = acted(base, { type: 'snooze', by: ADELE, minutes: 90 }, at('13:10'));
    const entry = snoozed.history[1];
    assert.equal(entryPhrase(entry, NOW, TZ, 'en-GB'), 'Snoozed until 14:40 by Adele Vance');
    assert.equal(entryPhrase(entry, NOW, 'UTC', 'en-GB'), 'Snoozed until 13:40 by Adele Vance');
    assert.equal(
      entryPhrase({ at: entry.at, action: 'snooze-ended', note: '' }, NOW, TZ, 'en-GB'),
      'Snooze ended, firing again',
    );
    assert.equal(
      entryPhrase({ at: entry.at, action: 'resolved', note: 'x' }, NOW, TZ, 'en-GB'),
      'Resolved: back to normal',
    );
    assert.equal(
      entryPhrase({ at: entry.at, by: ALEX, action: 'resolved', note: '' }, NOW, TZ, 'en-GB'),
      'Resolved by Alex Wilber',
    );
  });

  it('a grouped acknowledge is one timeline entry naming the metrics; older entries are counted', () => {
    const a = acted(opened('teams-chat', at('13:00'), 1, 10), { type: 'acknowledge', by: ALEX }, at('14:00'));
    const b = acted(
      opened('meeting-joins', at('13:05'), 1, 10),
      { type: 'acknowledge', by: ALEX },
      at('14:00'),
    );
    const merged = mergedHistory([
      { incident: a, name: 'Chat' },
      { incident: b, name: 'Joins' },
    ]);
    assert.deepEqual(
      merged.map((m) => [m.entry.action, m.metrics]),
      [
        ['opened', ['Chat']],
        ['opened', ['Joins']],
        ['acknowledged', ['Chat', 'Joins']],
      ],
    );
    const facts = timelineFacts(merged, {
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
      limit: 2,
      named: true,
      withNotes: false,
    });
    assert.deepEqual(facts, [
      { title: '…', value: '1 earlier entry' },
      { title: '13:05', value: 'Opened (Joins)' },
      { title: '14:00', value: 'Acknowledged by Alex Wilber (Chat, Joins)' },
    ]);
  });

  it("the evaluator's buckets chart as they are: a real evaluation's chartPoints feed the Chart.Line", () => {
    const metric = metricById('mail-delivery')!;
    const [rule] = defaultRulesFor([metric.fn], {
      tenantId: TENANT,
      createdBy: SYSTEM_ACTOR,
      createdAt: '2026-11-01T00:00:00Z',
    });
    const end = Date.parse('2026-11-27T14:15:00Z');
    const start = end - 6 * 60 * MIN;
    const usual = (t: number) => 1000 + ((t / MIN) % 60);
    const current = series(metric.fn, start, end, 5, (t) => (t >= end - 30 * MIN ? 300 : usual(t)));
    const history = [1, 2, 3].map((k) =>
      series(metric.fn, start - k * 7 * 1440 * MIN, end - k * 7 * 1440 * MIN, 5, usual),
    );
    const evaluation = evaluate(rule, { current, history, now: end });
    assert.equal(evaluation.state, 'breach');
    const points = chartPoints(evaluation.buckets);
    assert.equal(points.length, 72);
    const [, chart] = alertChart({ metric, points, maxPoints: 72, timeZone: 'UTC', locale: 'en-GB' }) as [
      object,
      { data: { legend: string; values: { x: string; y: number }[] }[] },
    ];
    assert.deepEqual(
      chart.data.map((l) => l.legend),
      ['Mail delivery', 'usual level'],
    );
    assert.deepEqual(chart.data[0].values.slice(-1), [{ x: '14:10', y: 300 }]);
    assert.equal(chart.data[1].values.slice(-1)[0].y, usual(Date.parse('2026-11-27T14:10:00Z')));
  });

  it('a chart without usual level draws the rule level, and none without values', () => {
    const metric = metricById('exchange-connectivity')!;
    const points = [0, 1, 2].map((i) => ({
      t: new Date(at('14:00') + i * 5 * MIN).toISOString(),
      v: 93 - i,
      baseline: null,
    }));
    const [, chart] = alertChart({
      metric,
      points,
      maxPoints: 72,
      timeZone: TZ,
      locale: 'en-GB',
      level: 95,
    }) as [object, { data: { legend: string; values: { y: number }[] }[] }];
    assert.deepEqual(
      chart.data.map((l) => [l.legend, l.values.map((v) => v.y)]),
      [
        ['Exchange connectivity', [93, 92, 91]],
        ['alert level', [95, 95, 95]],
      ],
    );
    const empty = points.map((p) => ({ ...p, v: null }));
    assert.equal(
      alertChart({ metric, points: empty, maxPoints: 72, timeZone: TZ, locale: 'en-GB' }),
      undefined,
    );
  });

  it('paused for every service with no known admin', () => {
    const card = buildAlertsPausedCard({
      tenantId: TENANT,
      subscriptionScope: { kind: 'all' },
      admins: [],
      reason: 'No admin sign-in is stored for this subscription.',
      now: NOW,
      timeZone: 'Not/AZone',
      locale: 'en-GB',
    });
    const seen = texts(card.body);
    assert.ok(seen.includes('⏸️ Alerts for all services are paused'));
    assert.ok(
      seen.some((t) =>
        /^An admin who subscribed must sign in again.*ServiceActivity-Exchange\.Read\.All, .*Reports\.Read\.All/.test(
          t,
        ),
      ),
    );
    assert.ok(seen.includes('Paused at: 14:20 (UTC)'), 'an unknown zone falls back to UTC');
  });

  it('refused without documented roles names Service Health roles; no way back without data', () => {
    const card = buildActionRefusedCard({
      action: 'alert.mute',
      roles: [],
      permission: 'ServiceActivity-Teams.Read.All',
    });
    const seen = texts(card.body);
    assert.ok(seen.includes('Only admins can mute this alert rule'));
    assert.ok(
      seen.some((t) =>
        /^Who can: Admins with a role with Service Health access, such as Service Support Administrator/.test(
          t,
        ),
      ),
    );
    assert.ok(seen.some((t) => /assign you such a role/.test(t)));
    assert.equal(card.actions, undefined);
    const other = buildActionRefusedCard({ action: 'change alert rules', roles: ['Global Reader'] });
    assert.ok(texts(other.body).includes('Only admins can change alert rules'));
  });
});
