import assert from 'node:assert/strict';
import { METRICS } from '../../src/domain/catalog';
import { historyFetchWindows, evaluationWindows } from '../../src/cycle/windows';
import { createGraphServices } from '../../src/graph/graph-services';
import { MetricsService } from '../../src/graph/metrics-service';
import { monitorMetrics } from '../../src/graph/monitor-metrics';
import { ALL_PERMISSIONS, DEMO_CLIENT_ID, startSimulator, type Simulator } from '../../src/simulator';

const T = '00000000-0000-4000-8000-00000000000b';
const FNS = METRICS.slice(0, 6).map((m) => m.fn);

describe('graph/monitor-metrics: the monitor keeps its history weeks in the compact history store', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let now = Date.parse('2026-11-25T12:02:30Z');
  before(async () => (sim = await startSimulator({ now: () => new Date(now) })));
  after(() => sim.close());
  const token = async () =>
    sim.issueGraphToken({ tenantId: T, appId: DEMO_CLIENT_ID, roles: [...ALL_PERMISSIONS] });

  it('reads the same series as the shared cache would, in the same requests, and keeps only current windows there', async () => {
    const compact = createGraphServices(sim.url, () => now);
    const plain = createGraphServices(sim.url, () => now);
    for (let cycle = 0; cycle < 4; cycle++, now += 5 * 60_000) {
      const read = evaluationWindows(now, 5, 360);
      const windows = (fn: string) => historyFetchWindows(T, fn, read, 5);
      const before = [compact.client.stats.httpRequests, plain.client.stats.httpRequests];
      const a = await monitorMetrics(compact.metrics).seriesMany(T, FNS, windows, 5, token, read);
      const b = await (plain.metrics as MetricsService).seriesMany(T, FNS, windows, 5, {
        prefer: 'less-data',
        read,
        token,
      });
      assert.deepEqual(
        a.map((r) => r.ok && r.series),
        b.map((r) => r.ok && r.series),
      );
      assert.ok(a.every((r) => r.ok && r.series.length === 5 && r.series[4].points.length > 0));
      assert.equal(
        compact.client.stats.httpRequests - before[0],
        plain.client.stats.httpRequests - before[1],
        'the history windows ride in the same requests',
      );
    }
    const cached = (compact.metrics as unknown as { cache: { bucketCount: number } }).cache.bucketCount;
    assert.ok(cached <= FNS.length * 2 * 72, `${cached} buckets in the shared cache: current windows only`);
    assert.ok(compact.metrics.history.bucketCount >= FNS.length * 4 * 72, 'four history weeks per metric');
  });
});
