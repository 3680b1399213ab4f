import assert from 'node:assert/strict';
import { SCENARIOS, type Simulator } from '../../src/simulator';
import { metricById } from '../../src/domain/catalog';
import { appToken, fnUrl, get, postJson, startTestSim } from './helpers';

const HOUR = 3600_000;
const H8 = Date.parse('2026-11-25T08:00:00Z'); // clock is 10:07:30

describe('simulator: incident scenarios', () => {
  let sim: Simulator;
  let token: string;
  beforeEach(async () => {
    ({ sim } = await startTestSim({ ingestionLagMinutes: 0 }));
    token = appToken(sim);
  });
  afterEach(() => sim.close());

  const series = async (fn: string, interval = 15) =>
    ((await get(fnUrl(sim, fn, H8, H8 + 2 * HOUR, interval), token)).body.value ?? []).map(
      (p) => p.value ?? p.percentage ?? NaN,
    );

  it('only names effects on catalog metrics', () => {
    for (const s of SCENARIOS)
      for (const e of s.effects) assert.ok(metricById(e.metric), `${s.name}: ${e.metric}`);
  });

  it('mail-delivery-drop cuts Exchange mail delivery by 60 % for 45 minutes, also in history', async () => {
    const before = await series('getMessageVolumeMetricsForEmailDelivery');
    const started = sim.scenarios.start({ name: 'mail-delivery-drop', at: '2026-11-25T08:30:00Z' });
    assert.equal(started.endsAt, '2026-11-25T09:15:00.000Z');
    const during = await series('getMessageVolumeMetricsForEmailDelivery');
    before.forEach((v, i) => {
      const inside = i >= 2 && i < 5; // 08:30, 08:45, 09:00
      const ratio = during[i] / v;
      if (inside) assert.ok(ratio > 0.33 && ratio < 0.47, `bucket ${i}: ratio ${ratio}`);
      else assert.equal(during[i], v, `bucket ${i} untouched`);
    });
    const other = await series('getMessageVolumeMetricsForTeamsChat');
    sim.scenarios.stop(started.id);
    assert.deepEqual(await series('getMessageVolumeMetricsForTeamsChat'), other, 'other metrics untouched');
    assert.deepEqual(
      await series('getMessageVolumeMetricsForEmailDelivery'),
      before,
      'stopping removes the effect',
    );
  });

  it('connectivity-dip holds Exchange connectivity near 92 %', async () => {
    sim.scenarios.start({ name: 'connectivity-dip', startsInMinutes: -90 }); // 08:37:30 → 09:22:30
    const value = await series('getConnectivityMetricsForExchange', 5);
    assert.ok(Math.abs(value[12] - 92) < 1, `09:00 → ${value[12]}`);
    assert.ok(value[0] > 99, `08:00 → ${value[0]}`);
  });

  it('teams-outage hits several Teams metrics at once', async () => {
    const names = [
      'getMessageVolumeMetricsForTeamsChat',
      'getUsageMetricsForTeamsByMeetingsJoined',
      'getAudioStreamsOverUdpMetricsForTeams',
    ];
    const before = await Promise.all(names.map((n) => series(n, 30)));
    sim.scenarios.start({ name: 'teams-outage', at: '2026-11-25T09:00:00Z', durationMinutes: 60 });
    const after = await Promise.all(names.map((n) => series(n, 30)));
    before.forEach((b, i) => assert.ok(after[i][2] < 0.85 * b[2], `${names[i]}: ${after[i][2]} vs ${b[2]}`));
  });

  it('can be scoped to a tenant and started over HTTP; unknown names are a 400', async () => {
    const res = await postJson(`${sim.url}/_sim/scenarios`, {
      name: 'meeting-join-drop',
      at: '2026-11-25T08:00:00Z',
      tenantId: 'elsewhere',
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.tenantId, 'elsewhere');
    const mine = await series('getUsageMetricsForTeamsByMeetingsJoined');
    const theirs =
      (
        await get(
          fnUrl(sim, 'getUsageMetricsForTeamsByMeetingsJoined', H8, H8 + 2 * HOUR, 15),
          appToken(sim, undefined, 'elsewhere'),
        )
      ).body.value ?? [];
    assert.ok((theirs[1].value ?? 0) < 0.5 * mine[1], 'the scoped tenant sees the drop');
    const bad = await postJson(`${sim.url}/_sim/scenarios`, { name: 'alien-invasion' });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.error), /Unknown scenario 'alien-invasion'. Known: mail-delivery-drop/);
  });
});
