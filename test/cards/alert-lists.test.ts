import assert from 'node:assert/strict';
import { buildAlertsCard, buildHistoryCard } from '../../src/cards/history-card';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { buildRulesCard } from '../../src/cards/rules-card';
import { buildSubscriptionsCard } from '../../src/cards/subscriptions-card';
import { sortRules } from '../../src/alerts/rule-order';
import type { Subscription } from '../../src/alerts/subscription';
import { METRICS, metricById } from '../../src/domain/catalog';
import { SYSTEM_ACTOR } from '../../src/monitor/actor';
import type { AuditEntry } from '../../src/monitor/audit';
import { incidentKey, type Incident } from '../../src/monitor/incident';
import { customRule, defaultRulesFor, muteRule, type Rule } from '../../src/monitor/rules';
import { assertGolden } from './golden';

const NOW = new Date('2026-11-27T10:07:30Z');
const TZ = 'Europe/Berlin';
const TENANT = 'contoso';
const ANA = { id: 'oid-ana', name: 'Ana Lopez' };
const fn = (id: string) => metricById(id)!.fn;

function sub(
  scope: Subscription['scope'],
  createdAt: string,
  extra: Partial<Subscription> = {},
): Subscription {
  return {
    id: `19:x|${scope.kind}`,
    tenantId: TENANT,
    conversationId: '19:x@thread.tacv2',
    scope,
    createdBy: { id: '29:ana', name: 'Ana Lopez', oid: 'oid-ana' },
    createdAt,
    ...extra,
  };
}

function custom(id: string, kind: Rule['kind'], threshold: number, forBuckets?: number): Rule {
  const r = customRule({
    tenantId: TENANT,
    createdBy: ANA,
    createdAt: '2026-11-26T15:00:00.000Z',
    fn: fn(id),
    kind,
    threshold,
    forBuckets,
  });
  assert.ok(r.ok);
  return r.rule;
}

function incident(id: string, over: Partial<Incident>): Incident {
  const key = incidentKey(TENANT, `default:${id}`, fn(id));
  return {
    key,
    id: `${key}#1`,
    occurrence: 1,
    tenantId: TENANT,
    ruleId: `default:${id}`,
    fn: fn(id),
    service: metricById(id)!.service,
    state: 'firing',
    openedAt: '2026-11-27T09:20:00.000Z',
    lastBreachAt: '2026-11-27T10:05:00.000Z',
    value: 40,
    baseline: 100,
    cardPosted: true,
    history: [],
    version: 1,
    ...over,
  };
}

describe('alert list cards (golden)', () => {
  it('subscriptions: scopes with since/by, quiet hours, digest and a pause', () => {
    const quiet = { from: '22:00', to: '07:00', timeZone: TZ, locale: 'en-GB' };
    const digest = { at: '09:00', timeZone: TZ, locale: 'en-GB', lastSentAt: '2026-11-27T08:00:00.000Z' };
    const paused = {
      since: '2026-11-27T09:00:00.000Z',
      reason: 'no subscribing admin is signed in',
      admins: ['Ana Lopez'],
      notified: true,
    };
    const card = buildSubscriptionsCard({
      conversationScope: 'channel',
      subscriptions: [
        sub({ kind: 'service', service: 'exchange' }, '2026-11-20T08:00:00.000Z', { quiet, digest, paused }),
        sub({ kind: 'metric', fn: fn('teams-udp') }, '2026-11-27T09:45:00.000Z', { quiet, digest, paused }),
      ],
      elsewhere: 2,
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assertGolden('subscriptions-channel', card);
  });

  it('subscriptions: none here, with a subscribe button', () => {
    const card = buildSubscriptionsCard({
      conversationScope: 'personal',
      subscriptions: [],
      elsewhere: 0,
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assertGolden('subscriptions-empty', card);
    assert.match(JSON.stringify(card), /"value":"subscribe all"/);
  });

  it('rules: numbered, default and custom, who and when, muted by whom', () => {
    const origin = { tenantId: TENANT, createdBy: SYSTEM_ACTOR, createdAt: '2026-11-20T08:00:00.000Z' };
    const defaults = defaultRulesFor([fn('mail-delivery'), fn('teams-udp')], origin);
    const rules = sortRules([
      muteRule(defaults[0], ANA, '2026-11-27T09:30:00.000Z'),
      defaults[1],
      custom('teams-udp', 'below', 80, 3),
    ]);
    assertGolden('rules-list', buildRulesCard({ rules, now: NOW, timeZone: TZ, locale: 'en-GB' }));
  });

  it('rules: none yet', () => {
    assertGolden('rules-empty', buildRulesCard({ rules: [], now: NOW, timeZone: TZ, locale: 'en-GB' }));
  });

  it('alerts: open incidents with state, since when and who acknowledged or snoozed', () => {
    const card = buildAlertsCard({
      incidents: [
        incident('teams-udp', { state: 'acknowledged', ackBy: ANA, ackAt: '2026-11-27T09:40:00.000Z' }),
        incident('mail-delivery', { openedAt: '2026-11-27T07:05:00.000Z' }),
        incident('owa-read', {
          state: 'snoozed',
          snoozedUntil: '2026-11-27T11:00:00.000Z',
          snoozedBy: { id: 'b', name: 'Bo Chen' },
        }),
      ],
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assertGolden('open-alerts', card);
    assertGolden(
      'open-alerts-none',
      buildAlertsCard({ incidents: [], now: NOW, timeZone: TZ, locale: 'en-GB' }),
    );
  });

  it('history: incidents with how long they lasted and who acknowledged, then audit lines', () => {
    const audit: AuditEntry[] = [
      {
        tenantId: TENANT,
        at: '2026-11-27T09:40:00.000Z',
        by: ANA,
        action: 'acknowledge',
        target: 'contoso|default:teams-udp|x#1',
        detail: '',
      },
      {
        tenantId: TENANT,
        at: '2026-11-26T15:00:00.000Z',
        by: ANA,
        action: 'rule-create',
        target: 'custom:teams-udp:below:80',
        detail: 'Audio over UDP below 80 %',
      },
      {
        tenantId: TENANT,
        at: '2026-11-20T08:00:00.000Z',
        by: ANA,
        action: 'subscribe',
        target: 'this conversation',
        detail: 'to Exchange Online; 9 default rules added',
      },
    ];
    const card = buildHistoryCard({
      incidents: [
        incident('teams-udp', { state: 'acknowledged', ackBy: ANA, ackAt: '2026-11-27T09:40:00.000Z' }),
        incident('mail-delivery', {
          state: 'resolved',
          openedAt: '2026-11-25T13:00:00.000Z',
          resolvedAt: '2026-11-25T13:45:00.000Z',
          ackBy: ANA,
          ackAt: '2026-11-25T13:10:00.000Z',
        }),
      ],
      audit,
      label: '7 days',
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assertGolden('history-7d', card);
    const text = JSON.stringify(card);
    assert.match(text, /lasted 45 min · acknowledged by Ana Lopez/);
    assert.match(text, /2026-11-20 08:00 UTC · Ana Lopez subscribed this conversation \(to Exchange Online/);
  });

  it('alerts and history: cards the bot gave up delivering, with how many, the latest and why', () => {
    const letter = (deadAt: string, reason: string) => ({
      itemId: `i-${deadAt}`,
      tenantId: TENANT,
      conversationId: '19:x@thread.tacv2',
      cardKey: 'contoso|exchange|2026-11-27T09:00:00.000Z',
      attempts: 12,
      createdAt: Date.parse('2026-11-27T09:00:00Z'),
      deadAt: Date.parse(deadAt),
      reason,
    });
    const undelivered = [
      letter('2026-11-27T09:50:00Z', 'HTTP 502 Bad Gateway; gave up after 12 attempts'),
      letter('2026-11-27T09:20:00Z', 'HTTP 400 Bad Request; not retryable'),
    ];
    const alerts = buildAlertsCard({ incidents: [], undelivered, now: NOW, timeZone: TZ, locale: 'en-GB' });
    assertGolden('open-alerts-undelivered', alerts);
    assert.match(
      JSON.stringify(alerts),
      /2 alert cards could not be delivered in the last 24 hours \(latest at 10:50: HTTP 502 Bad Gateway; gave up after 12 attempts\)/,
    );
    const history = buildHistoryCard({
      incidents: [],
      audit: [],
      undelivered: undelivered.slice(1),
      label: '7 days',
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assert.match(JSON.stringify(history), /1 alert card could not be delivered in the last 7 days/);
  });

  it('stay under 28 KB with everything in them, saying what was left out', () => {
    const origin = { tenantId: TENANT, createdBy: SYSTEM_ACTOR, createdAt: '2026-11-20T08:00:00.000Z' };
    const rules = sortRules([
      ...defaultRulesFor(
        METRICS.map((m) => m.fn),
        origin,
      ).map((r) => muteRule(r, ANA, '2026-11-27T09:30:00.000Z')),
      ...METRICS.flatMap((m) => [custom(m.id, 'drop', 30), custom(m.id, 'rise', 200)]),
    ]);
    const card = buildRulesCard({ rules, now: NOW, timeZone: TZ, locale: 'en-GB' });
    assert.ok(cardBytes(card) <= MAX_CARD_BYTES, `${cardBytes(card)} bytes`);
    assert.match(JSON.stringify(card), /and \d+ more rules/);
    const incidents = METRICS.map((m) =>
      incident(m.id, { state: 'acknowledged', ackBy: ANA, ackAt: '2026-11-27T09:40:00.000Z' }),
    );
    const audit: AuditEntry[] = Array.from({ length: 500 }, (_, i) => ({
      tenantId: TENANT,
      at: new Date(NOW.getTime() - i * 60_000).toISOString(),
      by: { id: 'x', name: 'N'.repeat(60) },
      action: 'snooze',
      target: 'contoso|default:mail-delivery|getMessageVolumeMetricsForEmailDelivery#1',
      detail: 'for 4 hours',
    }));
    const history = buildHistoryCard({
      incidents,
      audit,
      label: '30 days',
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assert.ok(cardBytes(history) <= MAX_CARD_BYTES, `${cardBytes(history)} bytes`);
    assert.match(JSON.stringify(history), /and \d+ more lines/);
    const small = buildAlertsCard({
      incidents: incidents.slice(0, 3),
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assert.doesNotMatch(JSON.stringify(small), /more open alerts/);
  });
});
