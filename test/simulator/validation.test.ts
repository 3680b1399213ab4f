import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator';
import { appToken, fnUrl, get, iso, startTestSim, T0, TENANT } from './helpers';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const FN = 'getMessageVolumeMetricsForEmailDelivery';

describe('simulator: Graph-style validation errors', () => {
  let sim: Simulator;
  let token: string;
  before(async () => {
    ({ sim } = await startTestSim({ tenants: { small: { seats: 800, eligible: false } } }));
    token = appToken(sim);
  });
  after(() => sim.close());

  async function expect400(url: string, pattern: RegExp) {
    const res = await get(url, token, { 'client-request-id': 'v-1' });
    assert.equal(res.status, 400, url);
    const error = res.body.error;
    assert.ok(error && typeof error === 'object', JSON.stringify(res.body));
    assert.equal(error.code, 'BadRequest');
    assert.match(error.message, pattern);
    assert.equal(error.innerError?.['client-request-id'], 'v-1');
    assert.match(error.innerError?.['request-id'] ?? '', /^[0-9a-f-]{36}$/);
    assert.match(error.innerError?.date ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  }

  const raw = (sim: Simulator, segment: string) => `${sim.url}/beta/reports/serviceActivity/${segment}`;
  const s = iso(T0 - HOUR);
  const e = iso(T0);

  it('rejects an interval outside 5, 10, 15, 30', async () => {
    for (const n of [1, 7, 20, 60])
      await expect400(fnUrl(sim, FN, T0 - HOUR, T0, n), /allowed values are 5, 10, 15, 30/);
    await expect400(
      `${raw(sim, `${FN}(inclusiveIntervalStartDateTime=${s},exclusiveIntervalEndDateTime=${e},aggregationIntervalInMinutes=@aggregationIntervalInMinutes)`)}?aggregationIntervalInMinutes=45`,
      /allowed values/,
    );
  });

  it('rejects a start more than 30 days back, but not exactly 30 days', async () => {
    await expect400(fnUrl(sim, FN, T0 - 31 * DAY, T0 - 30 * DAY + HOUR, 30), /more than 30 days in the past/);
    const ok = await get(fnUrl(sim, FN, T0 - 30 * DAY, T0 - 30 * DAY + HOUR, 30), token);
    assert.equal(ok.status, 200);
  });

  it('rejects an end at or before the start', async () => {
    await expect400(fnUrl(sim, FN, T0, T0, 15), /must be later than inclusiveIntervalStartDateTime/);
    await expect400(fnUrl(sim, FN, T0, T0 - HOUR, 15), /must be later/);
  });

  it('rejects an unknown or wrongly cased function', async () => {
    await expect400(
      fnUrl(sim, 'getMetricsForEverything', T0 - HOUR, T0, 15),
      /Resource not found for the segment 'getMetricsForEverything'/,
    );
    await expect400(
      fnUrl(sim, 'getAudioStreamQoeMetricsForTeams', T0 - HOUR, T0, 15),
      /segment 'getAudioStreamQoeMetricsForTeams'/,
    );
  });

  it('rejects malformed parameters', async () => {
    const cases: [string, RegExp][] = [
      [
        `${FN}(inclusiveIntervalStartDateTime=yesterday,exclusiveIntervalEndDateTime=${e})`,
        /Invalid DateTimeOffset 'yesterday'/,
      ],
      [`${FN}(inclusiveIntervalStartDateTime='${s}',exclusiveIntervalEndDateTime=${e})`, /unquoted/],
      [
        `${FN}(inclusiveIntervalStartDateTime=2026-11-25T09:07:30.12345678Z,exclusiveIntervalEndDateTime=${e})`,
        /Invalid DateTimeOffset/,
      ],
      [
        `${FN}(inclusiveIntervalStartDateTime=2026-13-01T00:00:00Z,exclusiveIntervalEndDateTime=${e})`,
        /Invalid DateTimeOffset/,
      ],
      [
        `${FN}(exclusiveIntervalEndDateTime=${e})`,
        /Required parameter 'inclusiveIntervalStartDateTime' is missing/,
      ],
      [
        `${FN}(inclusiveStartDateTime=${s},exclusiveEndDateTime=${e})`,
        /did you mean 'inclusiveIntervalStartDateTime'/,
      ],
      [
        `${FN}(inclusiveIntervalStartDateTime=${s},exclusiveIntervalEndDateTime=${e},aggregationIntervalInMinutes=ten)`,
        /expected an Int32/,
      ],
      [`${FN}(inclusiveIntervalStartDateTime=${s},inclusiveIntervalStartDateTime=${s})`, /more than once/],
      [
        `${FN}(inclusiveIntervalStartDateTime=${s},exclusiveIntervalEndDateTime=${e},top=5)`,
        /Parameter 'top' is not defined/,
      ],
      [
        `${FN}?inclusiveIntervalStartDateTime=${s}&exclusiveIntervalEndDateTime=${e}`,
        /parameters in parentheses/,
      ],
      [`${FN}(inclusiveIntervalStartDateTime=${s}%ZZ)`, /percent-encoding/],
    ];
    for (const [segment, pattern] of cases) await expect400(raw(sim, segment), pattern);
  });

  it('answers v1.0 and unknown segments like Graph does (400, segment named)', async () => {
    await expect400(
      fnUrl(sim, FN, T0 - HOUR, T0, 15).replace('/beta/', '/v1.0/'),
      /segment 'serviceActivity'/,
    );
    await expect400(`${sim.url}/beta/reports/somethingElse`, /segment 'reports'/);
  });

  it('answers an ineligible tenant with 403 Forbidden explaining the eligibility bar', async () => {
    const res = await get(fnUrl(sim, FN, T0 - HOUR, T0, 15), appToken(sim, undefined, 'small'));
    assert.equal(res.status, 403);
    const error = res.body.error;
    assert.ok(error && typeof error === 'object');
    assert.equal(error.code, 'Forbidden');
    assert.match(error.message, /not eligible for Microsoft 365 monitoring.*5,000/);
    assert.equal(
      (await get(fnUrl(sim, FN, T0 - HOUR, T0, 15), appToken(sim, undefined, TENANT))).status,
      200,
    );
  });

  it('returns an empty collection for a window that starts in the future', async () => {
    const res = await get(fnUrl(sim, FN, T0 + HOUR, T0 + 2 * HOUR, 15), token);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.value, []);
  });
});
