import assert from 'node:assert/strict';
import { buildAlertCard, buildAlertDetailsCard } from '../../src/cards/alert-card';
import { buildAlertsPausedCard } from '../../src/cards/alert-paused-card';
import { buildActionRefusedCard } from '../../src/cards/alert-refused-card';
import { ENTRA_ROLES } from '../../src/domain/catalog-entra';
import { groupIncidents } from '../../src/monitor/incident-groups';
import { customRule, muteRule } from '../../src/monitor/rules';
import { assertGolden } from './golden';
import {
  acted,
  ADELE,
  ALEX,
  at,
  chart,
  dip,
  fnOf,
  NOW,
  opened,
  recovered,
  TENANT,
  texts,
  TZ,
} from './alert-fixtures';

const END = at('15:15');
const MAIL = fnOf('mail-delivery');

/** Six hours of mail delivery falling to a third of the usual level from 14:40 (one bucket missing at 11:00). */
const mailChart = (from = 65, until?: number) =>
  chart(END, 72, 3400, dip(from, 0.35, until), { gapAt: [21] });

function single(incident: ReturnType<typeof opened>, charts = { [MAIL]: mailChart() }, extra = {}) {
  return {
    group: { tenantId: TENANT, service: incident.service, incidents: [incident] },
    charts,
    now: NOW,
    timeZone: TZ,
    locale: 'en-GB',
    ...extra,
  };
}

describe('cards/alert-card golden', () => {
  it('firing: a count drop against the usual level', () => {
    const incident = opened('mail-delivery', at('14:50'), 1180, 3400);
    const card = buildAlertCard(single(incident));
    const seen = texts(card.body);
    assert.ok(seen.includes('Firing, not acknowledged yet'));
    assert.ok(seen.includes('Latest: 1.2k vs usual 3.4k (▼ 65.3%)'), seen.join('\n'));
    assert.ok(seen.includes('Since: 14:50 (30 min ago)'));
    assertGolden('alert-firing-count', card);
  });

  it('firing: a percentage below its rule level (connectivity 92 % vs 95 %)', () => {
    const incident = opened('exchange-connectivity', at('14:35'), 92, 99.6);
    const fn = fnOf('exchange-connectivity');
    const card = buildAlertCard(
      single(incident, { [fn]: chart(END, 72, 99.6, dip(62, 92 / 99.6), { percent: true }) }),
    );
    const seen = texts(card.body);
    assert.ok(seen.includes('Latest: 92.0%, alert level below 95.0% (▼ 3.0 pt)'), seen.join('\n'));
    assert.ok(seen.includes('Usual: 99.6%'));
    assertGolden('alert-firing-percent', card);
  });

  it('acknowledged: amber, who and when, no Acknowledge button', () => {
    const incident = acted(
      opened('mail-delivery', at('13:20'), 1180, 3400),
      { type: 'acknowledge', by: ADELE },
      at('14:05'),
    );
    const card = buildAlertCard(single(incident, { [MAIL]: mailChart(49) }));
    assert.ok(texts(card.body).includes('Acknowledged by Adele Vance at 14:05'));
    assertGolden('alert-acknowledged', card);
  });

  it('snoozed: grey, until when and by whom', () => {
    const incident = acted(
      opened('mail-delivery', at('13:20'), 1180, 3400),
      { type: 'snooze', by: ADELE, minutes: 240 },
      at('14:05'),
    );
    const card = buildAlertCard(single(incident, { [MAIL]: mailChart(49) }));
    const seen = texts(card.body);
    assert.ok(seen.includes('Snoozed until 18:05 by Adele Vance'));
    assert.ok(seen.includes('14:05: Snoozed until 18:05 by Adele Vance'), 'timeline in local time');
    assertGolden('alert-snoozed', card);
  });

  it('resolved: green with the duration, Details only', () => {
    const acked = acted(
      opened('mail-delivery', at('14:05'), 1180, 3400),
      { type: 'acknowledge', by: ADELE },
      at('14:12'),
    );
    const incident = recovered(acked, at('15:10'));
    const card = buildAlertCard(single(incident, { [MAIL]: mailChart(57, 70) }));
    assert.ok(texts(card.body).includes('Resolved at 15:10 after 1 h 5 min'));
    assert.deepEqual(
      (card.actions as { title: string }[]).map((a) => a.title),
      ['Details'],
    );
    assertGolden('alert-resolved', card);
  });

  it('muted: a custom rule muted by a person, noted on the card', () => {
    const made = customRule({
      tenantId: TENANT,
      createdBy: ALEX,
      createdAt: '2026-11-20T09:00:00Z',
      fn: fnOf('teams-launch'),
      kind: 'drop',
      threshold: 60,
      forBuckets: 3,
    });
    assert.ok(made.ok);
    const rule = muteRule(made.rule, ADELE, new Date(at('15:10')).toISOString());
    const incident = acted(
      opened('teams-launch', at('14:45'), 210, 900, { ruleId: rule.id }),
      { type: 'mute', by: ADELE },
      at('15:10'),
    );
    const fn = fnOf('teams-launch');
    const card = buildAlertCard(
      single(incident, { [fn]: chart(END, 72, 900, dip(66, 0.25)) }, { rules: { [rule.id]: rule } }),
    );
    const seen = texts(card.body);
    assert.ok(seen.some((t) => t.startsWith('🔕 Rule muted by Adele Vance at 15:10')));
    assert.ok(
      seen.some((t) =>
        t.startsWith('Rule: Teams app launches drops ≥ 60 % vs the usual level for 3 buckets'),
      ),
    );
    assert.ok(!(card.actions as { title: string }[]).some((a) => a.title === 'Mute rule'));
    assertGolden('alert-muted', card);
  });

  it('grouped: three Teams metrics breaching together make one card', () => {
    const chat = opened('teams-chat', at('14:30'), 4100, 15200);
    const joins = acted(
      opened('meeting-joins', at('14:35'), 300, 1150),
      { type: 'acknowledge', by: ALEX },
      at('14:50'),
    );
    const udp = opened('teams-udp', at('14:40'), 78.2, 95.1);
    const groups = groupIncidents([chat, joins, udp]);
    assert.equal(groups.length, 1, 'the lifecycle groups them');
    const g = groups[0];
    const card = buildAlertCard({
      group: { key: g.key, tenantId: g.tenantId, service: g.service, incidents: g.members },
      charts: {
        [chat.fn]: chart(END, 72, 15200, dip(63, 0.27)),
        [joins.fn]: chart(END, 72, 1150, dip(64, 0.26)),
        [udp.fn]: chart(END, 72, 95.1, dip(65, 78.2 / 95.1), { percent: true }),
      },
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    const seen = texts(card.body);
    assert.ok(seen.includes('🔴 Microsoft Teams: 3 metrics breaching'));
    assert.ok(seen.includes('2 firing · 1 acknowledged'));
    assert.equal(card.body.filter((b) => (b as { separator?: boolean }).separator).length, 3);
    assertGolden('alert-grouped', card);
  });

  it('details: a 24-hour chart and the full history with notes', () => {
    const first = opened('mail-delivery', at('13:20'), 1180, 3400, {
      reason:
        'Mail delivery: 1,180, -65 % vs usual 3,400 (median of 4 weeks) since 12:10 UTC; fires at a drop of ≥ 50 % for 2 buckets.',
    });
    const snoozed = acted(
      first,
      { type: 'snooze', by: ADELE, minutes: 60, note: 'checking the connector' },
      at('13:30'),
    );
    const incident = acted(snoozed, { type: 'acknowledge', by: ALEX }, at('14:05'));
    const card = buildAlertDetailsCard(single(incident, { [MAIL]: chart(END, 288, 3400, dip(277, 0.35)) }));
    const seen = texts(card.body);
    assert.ok(seen.includes('13:30: Snoozed by Adele Vance: checking the connector'), seen.join('\n'));
    assert.ok(seen.some((t) => t.startsWith('13:20: Opened: Mail delivery: 1,180')));
    assertGolden('alert-details', card);
  });

  it('paused: which alerts, why, who must sign in, or the application permission', () => {
    const card = buildAlertsPausedCard({
      tenantId: TENANT,
      subscriptionScope: { kind: 'service', service: 'teams' },
      admins: ['Adele Vance', 'Alex Wilber'],
      reason:
        'Pulse could not refresh the sign-in of Adele Vance or Alex Wilber (Microsoft Entra asks them to sign in again), and the tenant has not granted application permissions.',
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    const seen = texts(card.body);
    assert.ok(seen.includes('⏸️ Alerts for Microsoft Teams are paused'));
    assert.ok(
      seen.some((t) =>
        /^Adele Vance or Alex Wilber must sign in again \(send `signin`\).*ServiceActivity-Teams\.Read\.All/.test(
          t,
        ),
      ),
    );
    assertGolden('alert-paused', card);
  });

  it('refused: what was tried, which roles can, how to get one, and the way back', () => {
    const card = buildActionRefusedCard({
      action: 'alert.ack',
      roles: ENTRA_ROLES,
      permission: 'Reports.Read.All',
      back: { incidentId: 'i#1', incidentKey: 'i', tenantId: TENANT },
    });
    const seen = texts(card.body);
    assert.ok(seen.includes('Only admins can acknowledge this alert'));
    assert.ok(
      seen.some((t) =>
        t.startsWith('Who can: Admins with one of these roles: Global Reader, Reports Reader'),
      ),
    );
    assertGolden('alert-refused', card);
  });
});
