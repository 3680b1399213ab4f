import assert from 'node:assert/strict';
import { RuleStore } from '../../src/alerts/rule-store';
import { metricById, metricsOfService } from '../../src/domain/catalog';
import { SYSTEM_ACTOR } from '../../src/monitor/actor';
import { customRule, type Rule } from '../../src/monitor/rules';
import { SqliteStore } from '../../src/store/sqlite-store';
import { NOW, TENANT, fnOf } from './helpers';

const ANA = { id: 'oid-ana', name: 'Ana Lopez' };
const origin = { tenantId: TENANT, createdBy: SYSTEM_ACTOR, createdAt: NOW.toISOString() };

function custom(metricId: string, kind: Rule['kind'], threshold: number): Rule {
  const r = customRule({ ...origin, createdBy: ANA, fn: fnOf(metricId), kind, threshold });
  assert.ok(r.ok);
  return r.rule;
}

describe('RuleStore (SQLite :memory:)', () => {
  let kv: SqliteStore;
  let rules: RuleStore;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    rules = new RuleStore(kv);
  });
  afterEach(() => kv.close());

  it('adds the catalog defaults of a scope once per tenant, keyed rules/<tenant>/<rule id>', async () => {
    const fns = metricsOfService('teams').map((m) => m.fn);
    const added = await rules.ensureDefaults(TENANT, fns, origin);
    assert.equal(added.length, fns.length);
    assert.ok(added.every((r) => r.source === 'default' && r.id.startsWith('default:')));
    assert.deepEqual(await rules.ensureDefaults(TENANT, fns, origin), []);
    const keys = Object.keys(await kv.list('rules/'));
    assert.ok(
      keys.includes(`rules/${TENANT.toLowerCase()}/${encodeURIComponent('default:teams-udp')}`),
      keys[0],
    );
    assert.deepEqual(await rules.ensureDefaults('another', fns.slice(0, 1), origin).then((r) => r.length), 1);
  });

  it('does not add a default where the tenant has a rule of that kind on the metric, muted defaults included', async () => {
    await rules.put(custom('mail-delivery', 'drop', 30));
    await rules.ensureDefaults(TENANT, [fnOf('teams-udp')], origin);
    await rules.mute(TENANT, 'default:teams-udp', ANA, NOW.toISOString());
    const added = await rules.ensureDefaults(
      TENANT,
      [fnOf('mail-delivery'), fnOf('teams-udp'), fnOf('teams-qoe')],
      origin,
    );
    assert.deepEqual(
      added.map((r) => r.id),
      ['default:teams-qoe'],
    );
    assert.ok((await rules.get(TENANT, 'default:teams-udp'))?.muted, 'the mute survives a later subscribe');
  });

  it('lists in `rules` order: catalog order, default before custom, by threshold', async () => {
    await rules.put(custom('mail-delivery', 'below', 100));
    await rules.ensureDefaults(TENANT, [fnOf('teams-udp'), fnOf('mail-delivery')], origin);
    await rules.put(custom('teams-udp', 'below', 80));
    await rules.put(custom('teams-udp', 'below', 70));
    assert.deepEqual(
      (await rules.list(TENANT)).map((r) => r.id),
      [
        'default:mail-delivery',
        'custom:mail-delivery:below:100',
        'default:teams-udp',
        'custom:teams-udp:below:70',
        'custom:teams-udp:below:80',
      ],
    );
  });

  it('replaces a rule with the same id and returns the previous one; removes and reports', async () => {
    const first = await rules.put(custom('teams-udp', 'below', 80));
    assert.equal(first.previous, undefined);
    const longer = { ...custom('teams-udp', 'below', 80), forBuckets: 6 };
    const second = await rules.put(longer);
    assert.equal(second.previous?.forBuckets, metricById('teams-udp')?.defaultRule.forBuckets);
    assert.equal((await rules.get(TENANT, longer.id))?.forBuckets, 6);
    assert.equal((await rules.remove(TENANT, longer.id))?.id, longer.id);
    assert.equal(await rules.remove(TENANT, longer.id), undefined);
  });

  it('mutes (keeping the first mute) and unmutes; unknown ids stay unknown', async () => {
    await rules.ensureDefaults(TENANT, [fnOf('teams-udp')], origin);
    await rules.mute(TENANT, 'default:teams-udp', ANA, '2026-11-27T10:00:00.000Z');
    await rules.mute(TENANT, 'default:teams-udp', { id: 'b', name: 'Bo' }, '2026-11-27T11:00:00.000Z');
    assert.deepEqual((await rules.get(TENANT, 'default:teams-udp'))?.muted, {
      by: ANA,
      at: '2026-11-27T10:00:00.000Z',
    });
    await rules.unmute(TENANT, 'default:teams-udp');
    assert.equal((await rules.get(TENANT, 'default:teams-udp'))?.muted, undefined);
    assert.equal(await rules.mute(TENANT, 'default:nope', ANA, NOW.toISOString()), undefined);
    assert.equal(await rules.get(TENANT, 'default:nope'), undefined);
  });
});
