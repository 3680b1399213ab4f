import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator';
import { appToken, get, iso, postJson, startTestSim } from './helpers';

const H8 = Date.parse('2026-11-25T08:00:00Z');
const HOUR = 3600_000;

function rel(fn: string, interval = 15): string {
  return `/reports/serviceActivity/${fn}(inclusiveIntervalStartDateTime=${iso(H8)},exclusiveIntervalEndDateTime=${iso(H8 + HOUR)},aggregationIntervalInMinutes=${interval})`;
}

describe('simulator: JSON batching', () => {
  let sim: Simulator;
  let token: string;
  beforeEach(async () => {
    ({ sim } = await startTestSim());
    token = appToken(sim, ['ServiceActivity-Exchange.Read.All', 'ServiceActivity-Teams.Read.All']);
  });
  afterEach(() => sim.close());

  const batch = (requests: unknown[], t = token) => postJson(`${sim.url}/beta/$batch`, { requests }, t);

  it('answers 200 with a per-item status, headers and body', async () => {
    const res = await batch([
      { id: '1', method: 'GET', url: rel('getMessageVolumeMetricsForEmailDelivery') },
      { id: '2', method: 'GET', url: rel('getAudioStreamQoEMetricsForTeams', 30) },
      { id: '3', method: 'GET', url: rel('getMetricsForSamlSignInSuccess') },
      { id: '4', method: 'GET', url: rel('getMessageVolumeMetricsForEmailDelivery', 7) },
      { id: '5', method: 'GET', url: rel('getMessageVolumeMetricsForEmailDelivery'), dependsOn: ['4'] },
    ]);
    assert.equal(res.status, 200);
    const byId = new Map(res.body.responses?.map((r) => [r.id, r]));
    assert.deepEqual(
      [...byId.values()].map((r) => [r.id, r.status]),
      [
        ['1', 200],
        ['2', 200],
        ['3', 403],
        ['4', 400],
        ['5', 424],
      ],
    );
    assert.equal(byId.get('1')?.body.value?.length, 4);
    assert.equal(byId.get('2')?.body.value?.[0].percentage !== undefined, true);
    assert.match(JSON.stringify(byId.get('3')?.body), /Reports\.Read\.All/);
    assert.match(byId.get('1')?.headers['Content-Type'] ?? '', /odata\.metadata=minimal/);
    const direct = await get(`${sim.url}/beta${rel('getMessageVolumeMetricsForEmailDelivery')}`, token);
    assert.deepEqual(byId.get('1')?.body.value, direct.body.value);
  });

  it('also serves $batch percent-encoded and without a leading slash in item urls', async () => {
    const res = await postJson(
      `${sim.url}/beta/%24batch`,
      { requests: [{ id: 'a', method: 'GET', url: rel('getUsageMetricsForTeamsByLaunch').slice(1) }] },
      token,
    );
    assert.equal(res.body.responses?.[0].status, 200);
  });

  it('rejects more than 20 requests, duplicate ids (case-insensitive) and malformed batches with 400', async () => {
    const items = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: rel('getUsageMetricsForTeamsByLaunch'),
    }));
    const tooMany = await batch(items);
    assert.equal(tooMany.status, 400);
    assert.match(JSON.stringify(tooMany.body), /21 requests; the limit is 20/);
    assert.equal((await batch(items.slice(0, 20))).status, 200);
    const dup = await batch([
      { id: 'A', method: 'GET', url: rel('getUsageMetricsForTeamsByLaunch') },
      { id: 'a', method: 'GET', url: rel('getUsageMetricsForTeamsByLaunch') },
    ]);
    assert.equal(dup.status, 400);
    assert.match(JSON.stringify(dup.body), /must be unique/);
    assert.equal((await batch([{ id: '1', url: rel('getUsageMetricsForTeamsByLaunch') }])).status, 400);
    const bad = await fetch(`${sim.url}/beta/$batch`, {
      method: 'POST',
      body: '{"requests":[',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(bad.status, 400);
  });

  it('rejects absolute item urls per item and the whole batch without a valid token', async () => {
    const res = await batch([
      {
        id: '1',
        method: 'GET',
        url: `https://graph.microsoft.com/beta${rel('getUsageMetricsForTeamsByLaunch')}`,
      },
    ]);
    assert.equal(res.body.responses?.[0].status, 400);
    assert.equal(
      (await batch([{ id: '1', method: 'GET', url: rel('getUsageMetricsForTeamsByLaunch') }], 'bad')).status,
      401,
    );
  });

  it('throttles items individually, each 429 with its own Retry-After header', async () => {
    const url = rel('getUsageMetricsForTeamsByLaunch');
    for (let i = 0; i < 5; i++) {
      const items = Array.from({ length: 20 }, (_, j) => ({ id: `${i}-${j}`, method: 'GET', url }));
      const res = await batch(items);
      assert.ok(res.body.responses?.every((r) => r.status === 200));
    }
    const res = await batch([
      { id: 'x', method: 'GET', url },
      { id: 'y', method: 'GET', url: rel('getMessageVolumeMetricsForTeamsChat') },
    ]);
    const [x, y] = res.body.responses ?? [];
    assert.equal(x.status, 429);
    assert.match(x.headers['Retry-After'], /^\d+$/);
    assert.equal((x.body.error as { code: string }).code, 'TooManyRequests');
    assert.equal(y.status, 200);
    const items = sim.requestLog.filter((r) => r.kind === 'batch-item');
    assert.equal(items.length, 102);
    assert.equal(items.at(-2)?.note, 'throttled');
  });
});
