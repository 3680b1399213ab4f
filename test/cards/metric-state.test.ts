import assert from 'node:assert/strict';
import { metricState, type MetricStateKind } from '../../src/cards/metric-state';
import {
  MissingPermissionError,
  NotAvailableError,
  ThrottledError,
  TimeoutError,
} from '../../src/graph/errors';
import type { MetricStatus } from '../../src/graph/metrics-service';
import { TENANT, okStatus } from './synthetic';

const MAIL = 'getMessageVolumeMetricsForEmailDelivery'; // count, drop 50%, min 10
const UDP = 'getAudioStreamsOverUdpMetricsForTeams'; // percent, below 85
const MFA_FAIL = 'getMetricsForMfaSignInFailure'; // count, lower is better, rise 100%, min 20
const TUNNELS_DOWN = 'getMetricsForNetworkAccessRemoteNetworkBranchesTunnelDisconnected'; // count, above 0

describe('cards/metric-state', () => {
  const table: [string, MetricStatus, MetricStateKind, RegExp][] = [
    ['steady count', okStatus(MAIL, 1000, 1010), 'normal', /▼ 1\.0% vs the same time last week\.$/],
    ['count down 60%', okStatus(MAIL, 400, 1000), 'degraded', /▼ 60\.0% .*a drop of 50% or more/],
    ['count down exactly 50%', okStatus(MAIL, 500, 1000), 'degraded', /▼ 50\.0%/],
    ['count up 300% (good direction)', okStatus(MAIL, 4000, 1000), 'normal', /▲ 300\.0%/],
    [
      'quiet baseline under the floor',
      okStatus(MAIL, 5, 30),
      'normal',
      /Too few events to judge \(under 36\)/,
    ],
    [
      'no baseline',
      { fn: MAIL, ok: true, latest: { t: '2026-11-27T14:00:00Z', v: 5 } },
      'normal',
      /No data for the same time last week/,
    ],
    ['failures doubled', okStatus(MFA_FAIL, 90, 30), 'degraded', /▲ 200\.0% .*a rise of 100% or more/],
    ['failures fell', okStatus(MFA_FAIL, 50, 300), 'normal', /▼ 83\.3%/],
    ['few failures rising', okStatus(MFA_FAIL, 12, 3), 'normal', /Too few events/],
    ['percent above its level', okStatus(UDP, 91.2, 90), 'normal', /At or above its alert level of 85\.0%/],
    ['percent below its level', okStatus(UDP, 72.5, 90), 'degraded', /Below its alert level of 85\.0%/],
    ['tunnels down', okStatus(TUNNELS_DOWN, 3, 0), 'degraded', /Above 0, its healthy level/],
    ['no tunnels down', okStatus(TUNNELS_DOWN, 0, 0), 'normal', /At or below 0, its healthy level/],
    ['no data yet', { fn: MAIL, ok: true }, 'noData', /No data in the recent buckets/],
    [
      '403',
      {
        fn: MAIL,
        ok: false,
        error: new MissingPermissionError(
          'x',
          { tenantId: TENANT, fn: MAIL },
          'ServiceActivity-Exchange.Read.All',
          [],
        ),
      },
      'notPermitted',
      /Needs ServiceActivity-Exchange\.Read\.All/,
    ],
    [
      'not eligible',
      { fn: MAIL, ok: false, error: new NotAvailableError('x', { tenantId: TENANT }) },
      'notAvailable',
      /Not available for this tenant/,
    ],
    [
      'throttled',
      { fn: MAIL, ok: false, error: new ThrottledError('x', { tenantId: TENANT }, new Date(), 'graph') },
      'failed',
      /throttling/,
    ],
    [
      'timeout',
      { fn: MAIL, ok: false, error: new TimeoutError('x', { tenantId: TENANT }) },
      'failed',
      /did not answer in time/,
    ],
  ];
  for (const [name, status, kind, reason] of table) {
    it(`${name} → ${kind}`, () => {
      const state = metricState(status, 'en-GB');
      assert.equal(state.kind, kind);
      assert.match(state.reason, reason);
    });
  }
});
