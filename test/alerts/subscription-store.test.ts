import assert from 'node:assert/strict';
import { microsoftIssuesOf } from '../../src/alerts/subscription';
import { SubscriptionStore } from '../../src/alerts/subscription-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { CHANNEL, CHAT, TENANT, fnOf, subscription } from './helpers';

describe('SubscriptionStore (SQLite :memory:)', () => {
  let kv: SqliteStore;
  let subs: SubscriptionStore;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    subs = new SubscriptionStore(kv);
  });
  afterEach(() => kv.close());

  it('keys tenant first (lower case), then the encoded conversation, then the scope', async () => {
    await subs.add(subscription({ kind: 'service', service: 'exchange' }, CHAT));
    const keys = Object.keys(await kv.list('subscriptions/'));
    assert.deepEqual(keys, [
      `subscriptions/${TENANT.toLowerCase()}/${encodeURIComponent(CHAT)}/${encodeURIComponent('service:exchange')}`,
    ]);
  });

  it('adds once per conversation and scope: a second add returns the first, unchanged', async () => {
    const first = await subs.add(subscription({ kind: 'all' }));
    const again = await subs.add({
      ...subscription({ kind: 'all' }),
      createdBy: { id: '29:bo', name: 'Bo', oid: 'b' },
    });
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.subscription.createdBy.name, 'Ana Lopez');
    assert.equal((await subs.inConversation(TENANT, CHANNEL)).length, 1);
  });

  it('lists per conversation, per tenant and overall, oldest first, ignoring other tenants and junk items', async () => {
    await subs.add(
      subscription({ kind: 'metric', fn: fnOf('teams-udp') }, CHANNEL, '2026-11-27T09:00:00.000Z'),
    );
    await subs.add(
      subscription({ kind: 'service', service: 'exchange' }, CHANNEL, '2026-11-27T08:00:00.000Z'),
    );
    await subs.add(subscription({ kind: 'all' }, CHAT, '2026-11-27T07:00:00.000Z'));
    await subs.add(subscription({ kind: 'all' }, CHANNEL, '2026-11-27T06:00:00.000Z', 'other-tenant'));
    await kv.write({ [`subscriptions/${TENANT.toLowerCase()}/x/junk`]: { hello: 'world' } });
    const here = await subs.inConversation(TENANT, CHANNEL);
    assert.deepEqual(
      here.map((s) => s.scope.kind),
      ['service', 'metric'],
    );
    assert.equal((await subs.inTenant(TENANT)).length, 3);
    assert.equal((await subs.inTenant('OTHER-TENANT')).length, 1);
    assert.equal((await subs.all()).length, 4);
    assert.ok(here.every((s) => !('eTag' in s)));
  });

  it('removes one subscription and says what it removed', async () => {
    await subs.add(subscription({ kind: 'service', service: 'teams' }));
    const gone = await subs.remove(TENANT, CHANNEL, { kind: 'service', service: 'teams' });
    assert.equal(gone?.scope.kind, 'service');
    assert.equal(await subs.remove(TENANT, CHANNEL, { kind: 'service', service: 'teams' }), undefined);
    assert.deepEqual(await subs.inConversation(TENANT, CHANNEL), []);
  });

  it('updates every subscription of a conversation, and never creates a missing one', async () => {
    await subs.add(subscription({ kind: 'service', service: 'teams' }));
    await subs.add(subscription({ kind: 'service', service: 'exchange' }));
    await subs.add(subscription({ kind: 'all' }, CHAT));
    const quiet = { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' };
    const updated = await subs.updateConversation(TENANT, CHANNEL, (s) => ({ ...s, quiet }));
    assert.equal(updated.length, 2);
    assert.ok((await subs.inConversation(TENANT, CHANNEL)).every((s) => s.quiet?.from === '22:00'));
    assert.equal((await subs.inConversation(TENANT, CHAT))[0].quiet, undefined);
    const none = await subs.update(subscription({ kind: 'all' }, 'nowhere'), (s) => ({ ...s, quiet }));
    assert.equal(none, undefined);
    assert.equal(await subs.get(TENANT, 'nowhere', { kind: 'all' }), undefined);
  });

  it('keeps both of two concurrent updates to one subscription (re-read and merge on eTag conflict)', async () => {
    const s = subscription({ kind: 'all' });
    await subs.add(s);
    const other = new SubscriptionStore(kv); // a second process: no shared turn-taking
    await Promise.all([
      subs.update(s, (c) => ({ ...c, quiet: { from: '22:00', to: '07:00', timeZone: 'UTC' } })),
      other.update(s, (c) => ({ ...c, digest: { at: '09:00', timeZone: 'UTC' } })),
    ]);
    const stored = await subs.get(TENANT, CHANNEL, { kind: 'all' });
    assert.equal(stored?.quiet?.from, '22:00');
    assert.equal(stored?.digest?.at, '09:00');
  });

  it("reads a subscription stored before Microsoft's issues existed with the defaults: incidents on, advisories off", async () => {
    const old = subscription({ kind: 'service', service: 'exchange' });
    await kv.write({ [SubscriptionStore.keyOf(old)]: { ...old } });
    const [stored] = await subs.inTenant(TENANT);
    assert.deepEqual(microsoftIssuesOf(stored), { incidents: true, advisories: false });
    assert.deepEqual(microsoftIssuesOf({ microsoft: { incidents: 'yes' } as never }), {
      incidents: true,
      advisories: false,
    });
    assert.deepEqual(microsoftIssuesOf({ microsoft: { incidents: false, advisories: true } }), {
      incidents: false,
      advisories: true,
    });
  });
});
