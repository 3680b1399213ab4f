import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  METRICS,
  SERVICES,
  metricByFn,
  metricById,
  metricsOfService,
  serviceById,
} from '../../src/domain/catalog';
import { renderMetricsDoc } from '../../src/domain/catalog-doc';
import { repoRoot } from '../../src/graph/write-metrics-doc';

const PERMISSIONS = [
  'Reports.Read.All',
  'ServiceActivity-Exchange.Read.All',
  'ServiceActivity-Teams.Read.All',
  'ServiceActivity-OneDrive.Read.All',
  'ServiceActivity-Microsoft365Web.Read.All',
];

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('metric catalog', () => {
  it('lists the 39 documented functions with the documented counts per service', () => {
    assert.equal(METRICS.length, 39);
    const counts = Object.fromEntries(SERVICES.map((s) => [s.id, metricsOfService(s.id).length]));
    assert.deepEqual(counts, { entra: 6, networkAccess: 13, exchange: 9, teams: 5, web: 5, onedrive: 1 });
  });

  it('has unique function names and ids', () => {
    assert.deepEqual(duplicates(METRICS.map((m) => m.fn)), []);
    assert.deepEqual(duplicates(METRICS.map((m) => m.id)), []);
    for (const m of METRICS) assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, m.id);
  });

  it('has lower-case aliases unique across metrics, services and ids', () => {
    const all = [...METRICS.flatMap((m) => [m.id, ...m.aliases]), ...SERVICES.flatMap((s) => s.aliases)];
    assert.deepEqual(duplicates(all), []);
    for (const a of all) assert.equal(a, a.toLowerCase().trim(), a);
    for (const m of METRICS) assert.ok(m.aliases.length >= 3, `${m.id} needs aliases`);
  });

  it('maps the phrases admins type to the right functions', () => {
    const byAlias = new Map(METRICS.flatMap((m) => m.aliases.map((a) => [a, m.fn] as const)));
    const expected: Record<string, string> = {
      'mail flow': 'getMessageVolumeMetricsForEmailDelivery',
      'email delivery': 'getMessageVolumeMetricsForEmailDelivery',
      meetings: 'getUsageMetricsForTeamsByMeetingsJoined',
      chat: 'getMessageVolumeMetricsForTeamsChat',
      udp: 'getAudioStreamsOverUdpMetricsForTeams',
      qoe: 'getAudioStreamQoEMetricsForTeams',
      connectivity: 'getConnectivityMetricsForExchange',
      'mfa failures': 'getMetricsForMfaSignInFailure',
      saml: 'getMetricsForSamlSignInSuccess',
      'blocked sign-ins': 'getMetricsForConditionalAccessBlockedSignIn',
      owa: 'getActiveUserMetricsForOutlookWebByReadEmail',
      word: 'getActiveUserMetricsForWordWeb',
    };
    for (const [alias, fn] of Object.entries(expected)) assert.equal(byAlias.get(alias), fn, alias);
  });

  it('uses only the five documented permissions, matching each service', () => {
    for (const m of METRICS) {
      assert.ok(PERMISSIONS.includes(m.permission), `${m.fn}: ${m.permission}`);
      assert.equal(m.permission, serviceById(m.service)?.permission, m.fn);
    }
  });

  it('keeps the exact documented casing of the tricky names', () => {
    for (const fn of [
      'getActiveUserMetricsForiOSOrAndroidMailByReadEmail',
      'getAudioStreamQoEMetricsForTeams',
      'getAudioStreamsOverUdpMetricsForTeams',
      'getDeviceMetricsForOneDriveForBusinessBydownloadOnlineOnlyFiles',
      'getMetricsForNetworkAccessRemoteNetworkBranchesBGPDisconnected',
    ]) {
      assert.ok(metricByFn(fn), fn);
    }
    assert.equal(metricByFn('getAudioStreamQoeMetricsForTeams'), undefined);
  });

  it('marks exactly X9, T4 and T5 as percentages and only OneDrive as preview', () => {
    const percent = METRICS.filter((m) => m.unit === 'percent').map((m) => m.fn);
    assert.deepEqual(percent.sort(), [
      'getAudioStreamQoEMetricsForTeams',
      'getAudioStreamsOverUdpMetricsForTeams',
      'getConnectivityMetricsForExchange',
    ]);
    assert.deepEqual(
      METRICS.filter((m) => m.preview).map((m) => m.id),
      ['onedrive-downloads'],
    );
    assert.equal(metricById('exchange-connectivity')?.defaultRule.kind, 'below');
  });

  it('documents Entra roles and none for the Microsoft 365 groups', () => {
    for (const m of METRICS) {
      const entra = m.service === 'entra' || m.service === 'networkAccess';
      assert.equal(m.roles.length, entra ? 5 : 0, m.fn);
      if (entra) assert.ok(m.roles.includes('Reports Reader'));
    }
  });

  it('gives failure counts a lower-is-better rule that fires on a rise', () => {
    for (const id of ['mfa-failure', 'ca-blocked', 'gsa-internet-blocked-users', 'gsa-bgp-disconnected']) {
      const m = metricById(id);
      assert.equal(m?.higherIsBetter, false, id);
      assert.ok(m && ['rise', 'above'].includes(m.defaultRule.kind), id);
    }
  });
});

describe('docs/metrics.md', () => {
  it('is exactly what renderMetricsDoc() produces (run node dist/src/graph/write-metrics-doc.js)', () => {
    const doc = readFileSync(resolve(repoRoot(__dirname), 'docs/metrics.md'), 'utf8');
    assert.equal(doc, renderMetricsDoc());
  });

  it('mentions every function', () => {
    const doc = renderMetricsDoc();
    for (const m of METRICS) assert.ok(doc.includes(`\`${m.fn}\``), m.fn);
  });
});
