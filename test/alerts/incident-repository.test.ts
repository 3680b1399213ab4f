import assert from 'node:assert/strict';
import { IncidentRepository } from '../../src/alerts/incident-repository';
import { incidentStoreKey } from '../../src/alerts/store-keys';
import { incidentKey, type Incident } from '../../src/monitor/incident';
import { SqliteStore } from '../../src/store/sqlite-store';
import { TENANT, fnOf } from './helpers';

/** An incident as the monitor stores it (latest occurrence per key). */
export function incident(over: Partial<Incident> & { ruleId: string; metricId: string }): Incident {
  const fn = fnOf(over.metricId);
  const key = incidentKey(TENANT, over.ruleId, fn);
  const { metricId: _m, ...rest } = over;
  return {
    key,
    id: `${key}#1`,
    occurrence: 1,
    tenantId: TENANT,
    fn,
    service: 'exchange',
    state: 'firing',
    openedAt: '2026-11-27T09:00:00.000Z',
    lastBreachAt: '2026-11-27T10:00:00.000Z',
    value: 10,
    baseline: 100,
    cardPosted: true,
    history: [],
    version: 1,
    ...rest,
  };
}

describe('IncidentRepository (SQLite :memory:)', () => {
  let kv: SqliteStore;
  let reader: IncidentRepository;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    reader = new IncidentRepository(kv);
  });
  afterEach(() => kv.close());

  async function put(i: Incident, tenant = TENANT): Promise<void> {
    await kv.write({ [incidentStoreKey(tenant, i.key)]: { ...i } });
  }

  it('reads open incidents, newest first, of one tenant', async () => {
    await put(
      incident({
        ruleId: 'default:mail-delivery',
        metricId: 'mail-delivery',
        openedAt: '2026-11-27T08:00:00.000Z',
      }),
    );
    await put(incident({ ruleId: 'default:teams-udp', metricId: 'teams-udp', state: 'acknowledged' }));
    await put(
      incident({
        ruleId: 'default:owa-read',
        metricId: 'owa-read',
        state: 'resolved',
        resolvedAt: '2026-11-27T09:30:00.000Z',
      }),
    );
    await put(incident({ ruleId: 'default:teams-qoe', metricId: 'teams-qoe' }), 'other');
    await kv.write({ [incidentStoreKey(TENANT, 'junk')]: { nothing: true } });
    const open = await reader.open(TENANT);
    assert.deepEqual(
      open.map((i) => i.ruleId),
      ['default:teams-udp', 'default:mail-delivery'],
    );
  });

  it('recent: open ones, and those opened or resolved since the given time', async () => {
    await put(
      incident({
        ruleId: 'a',
        metricId: 'mail-delivery',
        state: 'resolved',
        openedAt: '2026-11-01T00:00:00.000Z',
        resolvedAt: '2026-11-02T00:00:00.000Z',
      }),
    );
    await put(
      incident({
        ruleId: 'b',
        metricId: 'teams-udp',
        state: 'resolved',
        openedAt: '2026-11-25T00:00:00.000Z',
        resolvedAt: '2026-11-26T00:00:00.000Z',
      }),
    );
    await put(
      incident({
        ruleId: 'c',
        metricId: 'teams-qoe',
        state: 'snoozed',
        openedAt: '2026-10-30T00:00:00.000Z',
      }),
    );
    const recent = await reader.recent(TENANT, new Date('2026-11-20T00:00:00.000Z'));
    assert.deepEqual(
      recent.map((i) => i.ruleId),
      ['b', 'c'],
    );
  });

  it('lists and gets only valid incidents: a stored item of the wrong shape never reaches the lifecycle or a card', async () => {
    const good = incident({ ruleId: 'default:mail-delivery', metricId: 'mail-delivery' });
    await put(good);
    await kv.write({ [incidentStoreKey(TENANT, 'junk')]: { nothing: true } });
    await kv.write({ [incidentStoreKey(TENANT, 'bad-state')]: { ...good, id: 'x', state: 'exploded' } });
    assert.deepEqual(
      (await reader.list(TENANT)).map((i) => i.id),
      [good.id],
    );
    assert.equal(await reader.get(TENANT, 'junk'), undefined);
    assert.equal((await reader.get(TENANT, good.key))?.id, good.id);
  });

  it('writes through apply and reads the stored step back', async () => {
    const next = incident({ ruleId: 'default:teams-udp', metricId: 'teams-udp' });
    const applied = await reader.apply(TENANT, next.key, () => ({ incident: next, effects: [] }));
    assert.equal(applied.incident, next);
    assert.deepEqual((await reader.get(TENANT, next.key))?.id, next.id);
  });

  it('keys incidents as incidents/<tenant>/<encoded incident key>', () => {
    assert.equal(
      incidentStoreKey(TENANT, `${TENANT}|default:mail-delivery|getX`),
      `incidents/${TENANT.toLowerCase()}/${encodeURIComponent(`${TENANT}|default:mail-delivery|getX`)}`,
    );
  });
});
