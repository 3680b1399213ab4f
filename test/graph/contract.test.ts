import assert from 'node:assert/strict';
import { bucketStarts, currentBucketStart, isoSeconds } from '../../src/domain/buckets';
import { METRICS } from '../../src/domain/catalog';
import { INTERVALS } from '../../src/domain/catalog-types';
import { GraphMetricsClient } from '../../src/graph/client';
import { buildMetricPath } from '../../src/graph/url';
import { startSimulator, type Simulator } from '../../src/simulator';
import { simulatorTokenProvider } from './helpers/sim-token';

const TENANT = 'c0ffee00-0000-4000-8000-000000000001';

describe('graph contract: every catalog function at every interval against the simulator (real HTTP)', function () {
  let sim: Simulator;
  let client: GraphMetricsClient;
  let tokens: ReturnType<typeof simulatorTokenProvider>;
  const now = Date.parse('2024-10-02T12:07:30Z');

  before(async () => {
    sim = await startSimulator({ now: () => new Date(now), ingestionLagMinutes: 0 });
    tokens = simulatorTokenProvider(sim.url);
    client = new GraphMetricsClient({ baseUrl: sim.url, tokenProvider: tokens });
  });
  after(() => sim.close());

  for (const interval of INTERVALS) {
    it(`${METRICS.length} functions at ${interval} minutes: shapes, units, buckets, no gaps`, async () => {
      const end = currentBucketStart(now, interval);
      const start = end - 4 * interval * 60_000;
      const window = { start: new Date(start), end: new Date(end), intervalMinutes: interval };
      const before = sim.counters;
      const results = await client.getMany(
        TENANT,
        METRICS.map((m) => ({ fn: m.fn, window })),
      );
      assert.equal(sim.counters.batches - before.batches, 2, '39 queries = 2 $batch requests');
      assert.equal(sim.counters.graphCalls - before.graphCalls, 39);
      const expected = bucketStarts(start, end, interval).map(isoSeconds);
      results.forEach((r, i) => {
        const m = METRICS[i];
        assert.ok(r.ok, `${m.fn}: ${r.ok ? '' : r.error.message}`);
        assert.equal(r.series.fn, m.fn);
        assert.equal(r.series.intervalMinutes, interval);
        assert.deepEqual(
          r.series.points.map((p) => p.t),
          expected,
          m.fn,
        );
        assert.deepEqual(r.series.gaps, []);
        for (const p of r.series.points) {
          if (m.unit === 'percent') assert.ok(p.v >= 0 && p.v <= 100, `${m.fn} ${p.v}`);
          else assert.ok(Number.isInteger(p.v) && p.v >= 0, `${m.fn} ${p.v}`);
        }
      });
    });
  }

  it('sends the documented URL for a direct GET, with the app-only token of the tenant', async () => {
    const m = METRICS.find((x) => x.fn === 'getConnectivityMetricsForExchange')!;
    const window = {
      start: new Date('2024-10-02T10:30:00Z'),
      end: new Date('2024-10-02T11:00:00Z'),
      intervalMinutes: 10 as const,
    };
    const series = await client.getSeries(TENANT, { fn: m.fn, window });
    assert.equal(series.points.length, 3);
    const entry = sim.requestLog.at(-1)!;
    assert.equal(entry.kind, 'graph');
    assert.equal(entry.status, 200);
    assert.equal(entry.tenant, TENANT);
    assert.ok(entry.roles?.includes(m.permission));
    assert.equal(decodeURIComponent(entry.path), `/beta${buildMetricPath(m.fn, window)}`);
  });

  it('batches carry relative item URLs and come back per item (log shows batch + items)', async () => {
    const window = {
      start: new Date('2024-10-02T11:00:00Z'),
      end: new Date('2024-10-02T12:00:00Z'),
      intervalMinutes: 30 as const,
    };
    await client.getMany(
      TENANT,
      METRICS.slice(0, 3).map((m) => ({ fn: m.fn, window })),
    );
    const log = sim.requestLog.slice(-4);
    assert.deepEqual(log.map((e) => e.kind).sort(), ['batch', 'batch-item', 'batch-item', 'batch-item']);
    assert.ok(
      log.filter((e) => e.kind === 'batch-item').every((e) => e.status === 200 && e.tenant === TENANT),
    );
    assert.equal(tokens.issued(), 1, 'one token for the tenant, reused');
  });
});
