import assert from 'node:assert/strict';
import { createGraphServices } from '../../src/graph/graph-services';
import { runTenantCycle, type CycleDeps } from '../../src/cycle/tenant-cycle';
import { startSimulator, type Simulator } from '../../src/simulator';
import { allMetricsDeps, FNS } from './all-metrics-deps';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { KeyValueStore } from '../../src/store/store';

const T = '00000000-0000-4000-8000-00000000000b';

/** Every store call on `incidents/` keys, as `op key-or-prefix`. */
function recordIncidentCalls(store: KeyValueStore, calls: string[]): KeyValueStore {
  const note = (op: string, keys: string[]) =>
    keys.filter((k) => k.startsWith('incidents/')).forEach((k) => calls.push(`${op} ${k}`));
  return {
    read: (keys) => (note('read', keys), store.read(keys)),
    write: (changes, o) => (note('write', Object.keys(changes)), store.write(changes, o)),
    delete: (keys) => (note('delete', keys), store.delete(keys)),
    list: (prefix) => (note('list', [prefix]), store.list(prefix)),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

describe('monitor cycle: store calls of a tenant subscribed to every metric (what Azure Blob bills per cycle)', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let now = Date.parse('2026-11-25T10:02:00Z');
  let sqlite: SqliteStore;
  let calls: string[];
  let deps: CycleDeps;

  before(async () => (sim = await startSimulator({ now: () => new Date(now) })));
  after(() => sim.close());
  beforeEach(() => {
    sim.scenarios.clear();
    now = Date.parse('2026-11-25T10:02:00Z');
    sqlite = new SqliteStore(':memory:');
    calls = [];
    const store = recordIncidentCalls(sqlite, calls);
    const graph = createGraphServices(sim.url, () => now);
    deps = allMetricsDeps(sim, T, store, graph, now);
  });
  afterEach(() => sqlite.close());

  it('lists the incidents once and writes none when every rule is quiet', async () => {
    const report = await runTenantCycle(T, now, deps);
    assert.equal(report.fetched, FNS.length);
    assert.equal(report.evaluations.breach, 0, JSON.stringify(report.evaluations));
    assert.deepEqual(calls, [`list incidents/${T}/`]);
  });

  it('reports a failing retention step as an error of the cycle, after the cycle did its work', async () => {
    const report = await runTenantCycle(T, now, {
      ...deps,
      retention: async () => {
        throw new Error('storage unreachable');
      },
    });
    assert.equal(report.fetched, FNS.length);
    assert.deepEqual(report.errors, ['retention: storage unreachable']);
  });

  it('stores an incident through an eTag-guarded update when a rule starts breaching, and reads it back once', async () => {
    sim.scenarios.start({
      name: 'mail-delivery-drop',
      startsInMinutes: -60,
      durationMinutes: 120,
      tenantId: T,
    });
    const report = await runTenantCycle(T, now, deps);
    assert.equal(report.evaluations.breach, 1, JSON.stringify(report.evaluations));
    const incidentKeys = calls.filter((c) => c.startsWith('write ')).map((c) => c.slice('write '.length));
    assert.equal(incidentKeys.length, 1, calls.join('\n'));
    assert.ok(calls.includes(`read ${incidentKeys[0]}`), 'the update re-reads the item it writes');
    assert.equal(calls.filter((c) => c.startsWith('read ')).length, 1, calls.join('\n'));
  });
});
