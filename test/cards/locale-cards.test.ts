import assert from 'node:assert/strict';
import { buildAlertCard } from '../../src/cards/alert-card';
import { buildStatusCard } from '../../src/cards/status-card';
import {
  acted,
  ADELE,
  at,
  chart,
  dip,
  fnOf,
  NOW as ALERT_NOW,
  opened,
  TENANT,
  texts,
} from './alert-fixtures';
import { assertGolden } from './golden';
import { degradedInput } from './synthetic';

/** The reader of each case: the locales Teams users have most and a zone where they live. */
const READERS = [
  {
    locale: 'en-US',
    timeZone: 'America/New_York',
    alert: ['Acknowledged by Adele Vance at 8:05 AM', 'Latest: 1.2K vs usual 3.4K (▼ 65.3%)'],
    status: ['Data as of 9:15 AM, 5 min ago', '104.4K. ▼ 69.8% vs', 'a drop of 50% or more', '72.4%. Below'],
  },
  {
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    alert: ['Acknowledged by Adele Vance at 14:05', 'Latest: 1180 vs usual 3400 (▼ 65,3\u00a0%)'],
    status: [
      'Data as of 15:15, 5 min ago',
      '104.433. ▼ 69,8\u00a0% vs',
      'a drop of 50\u00a0% or more',
      '72,4\u00a0%. Below',
    ],
  },
  {
    locale: 'ja-JP',
    timeZone: 'Asia/Tokyo',
    alert: ['Acknowledged by Adele Vance at 22:05', 'Latest: 1180 vs usual 3400 (▼ 65.3%)'],
    status: ['Data as of 23:15, 5 min ago', '10.4万. ▼ 69.8% vs', '72.4%. Below'],
  },
] as const;

/** True when some text of the card contains `part`. */
const shows = (card: { body: unknown[] }, part: string) => texts(card.body).some((t) => t.includes(part));

function acknowledgedAlert(locale: string, timeZone: string) {
  const incident = acted(
    opened('mail-delivery', at('13:20'), 1180, 3400),
    { type: 'acknowledge', by: ADELE },
    at('14:05'),
  );
  const mail = fnOf('mail-delivery');
  return buildAlertCard({
    group: { tenantId: TENANT, service: incident.service, incidents: [incident] },
    charts: { [mail]: chart(at('15:15'), 72, 3400, dip(49, 0.35)) },
    now: ALERT_NOW,
    timeZone,
    locale,
  });
}

describe('cards in the reader locale (en-GB is the locale of the other golden cards)', () => {
  for (const { locale, timeZone, alert, status } of READERS) {
    it(`status card, ${locale} in ${timeZone}`, () => {
      const card = buildStatusCard(degradedInput(locale, timeZone));
      for (const part of status) assert.ok(shows(card, part), `${locale} status card shows "${part}"`);
      assertGolden(`status-degraded-${locale}`, card);
    });
    it(`alert card, ${locale} in ${timeZone}`, () => {
      const card = acknowledgedAlert(locale, timeZone);
      for (const part of alert) assert.ok(shows(card, part), `${locale} alert card shows "${part}"`);
      assertGolden(`alert-acknowledged-${locale}`, card);
    });
  }

  it('an unknown locale falls back to en-US', () => {
    assert.deepEqual(
      buildStatusCard(degradedInput('xx-not-a-locale!', 'America/New_York')),
      buildStatusCard(degradedInput('en-US', 'America/New_York')),
    );
  });
});
