import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import type { Simulator } from '../../src/simulator';
import { appToken, fnUrl, get, iso, startTestSim, type Body } from './helpers';

const HOUR = 3600_000;
const H8 = Date.parse('2026-11-25T08:00:00Z'); // two hours before the clock (10:07:30)

function points(body: Body) {
  assert.ok(Array.isArray(body.value), `no value array in ${JSON.stringify(body).slice(0, 200)}`);
  return body.value;
}

describe('simulator: serviceActivity functions over HTTP', () => {
  let sim: Simulator;
  let token: string;
  before(async () => {
    ({ sim } = await startTestSim());
    token = appToken(sim);
  });
  after(() => sim.close());

  it('answers every catalog function with the right item type and OData context', async () => {
    for (const m of METRICS) {
      const res = await get(fnUrl(sim, m.fn, H8, H8 + HOUR, 15), token);
      assert.equal(res.status, 200, m.fn);
      const type = m.unit === 'percent' ? 'serviceActivityPerformanceMetric' : 'serviceActivityValueMetric';
      assert.equal(
        res.body['@odata.context'],
        `${sim.url}/beta/$metadata#Collection(microsoft.graph.${type})`,
      );
      const value = points(res.body);
      assert.equal(value.length, 4, m.fn);
      for (const p of value) {
        assert.deepEqual(Object.keys(p), [
          'intervalStartDateTime',
          m.unit === 'percent' ? 'percentage' : 'value',
        ]);
        if (m.unit === 'count')
          assert.ok(Number.isInteger(p.value) && (p.value ?? -1) >= 0, `${m.fn} ${p.value}`);
        else assert.ok((p.percentage ?? -1) >= 0 && (p.percentage ?? 101) <= 100, `${m.fn} ${p.percentage}`);
      }
    }
  });

  it('sends the documented headers and echoes client-request-id', async () => {
    const res = await get(fnUrl(sim, 'getConnectivityMetricsForExchange', H8, H8 + HOUR, 30), token, {
      'client-request-id': 'corr-123',
    });
    assert.equal(
      res.headers.get('content-type'),
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    );
    assert.equal(res.headers.get('odata-version'), '4.0');
    assert.equal(res.headers.get('client-request-id'), 'corr-123');
    assert.match(res.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  for (const interval of [5, 10, 15, 30]) {
    it(`returns one bucket per ${interval} minutes, labelled at each interval start`, async () => {
      const start = H8 - HOUR;
      const res = await get(
        fnUrl(sim, 'getMessageVolumeMetricsForEmailDelivery', start, start + 2 * HOUR, interval),
        token,
      );
      const value = points(res.body);
      assert.equal(value.length, 120 / interval);
      assert.equal(value[0].intervalStartDateTime, '2026-11-25T07:00:00Z');
      assert.equal(value[1].intervalStartDateTime, iso(start + interval * 60_000));
    });
  }

  it('defaults to 15 minutes when aggregationIntervalInMinutes is omitted', async () => {
    const res = await get(fnUrl(sim, 'getUsageMetricsForTeamsByLaunch', H8, H8 + HOUR), token);
    assert.deepEqual(
      points(res.body).map((p) => p.intervalStartDateTime.slice(11, 16)),
      ['08:00', '08:15', '08:30', '08:45'],
    );
  });

  it('accepts the SDK alias form with ?aggregationIntervalInMinutes=N and ?@aggregationIntervalInMinutes=N', async () => {
    const base = `${sim.url}/beta/reports/serviceActivity/getUsageMetricsForTeamsByLaunch(inclusiveIntervalStartDateTime=${iso(H8)},exclusiveIntervalEndDateTime=${iso(H8 + HOUR)},aggregationIntervalInMinutes=@aggregationIntervalInMinutes)`;
    const inline = points(
      (await get(fnUrl(sim, 'getUsageMetricsForTeamsByLaunch', H8, H8 + HOUR, 30), token)).body,
    );
    const plain = points((await get(`${base}?aggregationIntervalInMinutes=30`, token)).body);
    const at = points((await get(`${base}?%40aggregationIntervalInMinutes=30`, token)).body);
    const unresolved = points((await get(base, token)).body);
    assert.equal(inline.length, 2);
    assert.deepEqual(plain, inline);
    assert.deepEqual(at, inline);
    assert.equal(unresolved.length, 4, 'an unresolved alias falls back to the default 15');
  });

  it('percent-decodes the path and accepts 0–7 fractional digits, spaces after commas and offsets', async () => {
    const fn = 'getMetricsForMfaSignInFailure';
    const expected = points((await get(fnUrl(sim, fn, H8, H8 + HOUR, 10), token)).body);
    assert.equal(expected.length, 6);
    const variants = [
      `${fn}(inclusiveIntervalStartDateTime=2026-11-25T08%3A00%3A00.000Z,exclusiveIntervalEndDateTime=2026-11-25T09%3A00%3A00.000Z,aggregationIntervalInMinutes=10)`,
      `${fn}(inclusiveIntervalStartDateTime=2026-11-25T08:00:00.1234567Z, exclusiveIntervalEndDateTime=2026-11-25T08:59:59.9999999Z, aggregationIntervalInMinutes=10)`,
      `${fn}(inclusiveIntervalStartDateTime=2026-11-25T08:00Z,exclusiveIntervalEndDateTime=2026-11-25T08:59:59Z,aggregationIntervalInMinutes=10)`,
      `${fn}%28inclusiveIntervalStartDateTime%3D2026-11-25T09%3A00%3A00%2B01%3A00%2CexclusiveIntervalEndDateTime%3D2026-11-25T09%3A00%3A00Z%2CaggregationIntervalInMinutes%3D10%29`,
    ];
    for (const v of variants) {
      const res = await get(`${sim.url}/beta/reports/serviceActivity/${v}`, token);
      assert.equal(res.status, 200, `${v}: ${JSON.stringify(res.body)}`);
      assert.deepEqual(points(res.body), expected, v);
    }
  });

  it('omits buckets that have not begun and returns zero as a real zero', async () => {
    const fn = 'getMetricsForNetworkAccessRemoteNetworkBranchesTunnelDisconnected';
    const res = await get(fnUrl(sim, fn, H8 + HOUR, H8 + 4 * HOUR, 30), token);
    assert.deepEqual(
      points(res.body).map((p) => [p.intervalStartDateTime, p.value]),
      [
        ['2026-11-25T09:00:00Z', 0],
        ['2026-11-25T09:30:00Z', 0],
        ['2026-11-25T10:00:00Z', 0],
      ],
    );
  });
});
