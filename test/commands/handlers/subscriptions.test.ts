import assert from 'node:assert/strict';
import { microsoftIssuesOf } from '../../../src/alerts/subscription';
import { respondToText } from '../../../src/commands/respond';
import { METRICS, metricsOfService } from '../../../src/domain/catalog';
import { MissingPermissionError, ThrottledError } from '../../../src/graph/errors';
import { SqliteStore } from '../../../src/store/sqlite-store';
import {
  buttons,
  cardText,
  CHANNEL,
  fakeServices,
  NOW,
  TENANT,
  title,
  turn,
  type FakeOptions,
} from './alert-fakes';

const denial = (permission: string) =>
  new MissingPermissionError(
    'Your sign-in may not read this.',
    { tenantId: TENANT, status: 403 },
    permission,
    [],
  );

describe('subscribe, unsubscribe, subscriptions (handlers over SQLite :memory:)', () => {
  let kv: SqliteStore;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
  });
  afterEach(() => kv.close());

  const say = (text: string, opts: FakeOptions = {}, ctx = turn()) => {
    const services = fakeServices(kv, opts);
    return respondToText(text, ctx, services).then((reply) => ({ reply, services }));
  };
  const everything = async () => kv.list('');
  const later = (minutes: number) => turn({ now: new Date(NOW.getTime() + minutes * 60_000) });

  it('subscribe: stores who and when, adds the default rules, records the change, offers Undo', async () => {
    const { reply, services } = await say('subscribe');
    assert.deepEqual(services.accessCalls, [
      ['exchange', 'teams', 'onedrive', 'web', 'entra', 'networkAccess'],
    ]);
    assert.equal(title(reply), 'Subscribed');
    assert.match(cardText(reply), /This channel now gets alerts for all services\. I added 39 default rules/);
    assert.deepEqual(buttons(reply)[0], { title: 'Undo', value: 'unsubscribe all' });
    const [sub] = await services.stores.subscriptions.inConversation(TENANT, CHANNEL);
    assert.deepEqual(sub.createdBy, { id: '29:ana', name: 'Ana Lopez', oid: 'oid-ana' });
    assert.equal(sub.createdAt, NOW.toISOString());
    assert.equal((await services.stores.rules.list(TENANT)).length, METRICS.length);
    const audit = await services.stores.audit.recent(TENANT, new Date(0));
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0].by, { id: 'oid-ana', name: 'Ana Lopez', teamsId: '29:ana' });
    assert.equal(audit[0].at, NOW.toISOString());
    assert.equal(audit[0].action, 'subscribe');
    assert.equal(audit[0].target, CHANNEL);
    assert.match(audit[0].detail, /^to all services; 39 default rules added$/);
  });

  it('denied: changes nothing and names the roles and the permission for the group', async () => {
    const { reply } = await say('subscribe exchange', {
      denied: { exchange: denial('ServiceActivity-Exchange.Read.All') },
    });
    assert.equal(title(reply), 'Admin access needed');
    const text = cardText(reply);
    assert.match(text, /so I changed nothing \(`subscribe exchange`\)/);
    assert.match(
      text,
      /Exchange Online\*\*: one of these roles: Global Administrator, Service Support Administrator, Global Reader/,
    );
    assert.match(text, /permission ServiceActivity-Exchange\.Read\.All/);
    assert.deepEqual(await everything(), {});
  });

  it('subscribe all with only Entra denied: names the Entra roles, and nothing changes', async () => {
    const { reply } = await say('subscribe all', { denied: { entra: denial('Reports.Read.All') } });
    const text = cardText(reply);
    assert.match(
      text,
      /Microsoft Entra\*\*: one of these roles: Global Reader, Reports Reader, Security Reader, Security Administrator, Security Operator/,
    );
    assert.match(text, /Reports\.Read\.All/);
    assert.doesNotMatch(text, /Exchange Online\*\*/);
    assert.deepEqual(await everything(), {});
  });

  it('a denial that proves nothing (throttled) is an error card with Try again, not an admin verdict', async () => {
    const throttled = new ThrottledError(
      'Graph is busy.',
      { tenantId: TENANT },
      new Date(NOW.getTime() + 60_000),
      'graph',
    );
    const { reply } = await say('subscribe teams', { denied: { teams: throttled } });
    assert.doesNotMatch(cardText(reply), /Admin access needed/);
    assert.match(cardText(reply), /"value":"subscribe teams"/);
    assert.deepEqual(await everything(), {});
  });

  it('not signed in: the sign-in card, nothing stored', async () => {
    for (const text of ['subscribe', 'subscriptions', 'unsubscribe']) {
      const { reply } = await say(text, { signedIn: false });
      assert.equal(title(reply), 'Sign-in needed', text);
    }
    assert.deepEqual(await everything(), {});
  });

  it('a wider subscription replaces narrower ones; a covered scope changes nothing and is not audited', async () => {
    await say('subscribe exchange', {}, later(1));
    await say('subscribe teams udp', {}, later(2));
    const { reply, services } = await say('subscribe all', {}, later(3));
    assert.match(
      cardText(reply),
      /replaces the narrower subscriptions to Exchange Online, Audio over UDP \(Microsoft Teams\)\./,
    );
    const subs = await services.stores.subscriptions.inConversation(TENANT, CHANNEL);
    assert.deepEqual(
      subs.map((s) => s.scope.kind),
      ['all'],
    );
    const again = await say('subscribe teams');
    assert.equal(title(again.reply), 'Already subscribed');
    assert.match(
      cardText(again.reply),
      /already gets alerts for all services \(since 11:10, by Ana Lopez\), which covers Microsoft Teams/,
    );
    assert.equal((await services.stores.audit.recent(TENANT, new Date(0))).length, 3);
  });

  it('defaults are added once per tenant, whichever conversation subscribes', async () => {
    await say('subscribe exchange');
    const { reply, services } = await say(
      'subscribe exchange',
      {},
      turn({ conversation: { id: 'a:chat', scope: 'groupChat' } }),
    );
    assert.match(
      cardText(reply),
      /This chat now gets alerts for Exchange Online\. The default rules were already in place/,
    );
    assert.equal((await services.stores.rules.list(TENANT)).length, metricsOfService('exchange').length);
  });

  it('unsubscribe: removes what is inside the scope, keeps rules, Undo re-subscribes each', async () => {
    await say('subscribe exchange', {}, later(1));
    await say('subscribe teams', {}, later(2));
    const { reply, services } = await say('unsubscribe', {}, later(3));
    assert.equal(title(reply), 'Unsubscribed');
    assert.deepEqual(
      buttons(reply).map((b) => b.value),
      ['subscribe exchange', 'subscribe teams', 'subscriptions'],
    );
    assert.deepEqual(await services.stores.subscriptions.inConversation(TENANT, CHANNEL), []);
    assert.ok((await services.stores.rules.list(TENANT)).length > 0);
    const [last] = await services.stores.audit.recent(TENANT, new Date(0));
    assert.equal(last.action, 'unsubscribe');
    assert.equal(last.detail, 'from Exchange Online, Microsoft Teams');
  });

  it('unsubscribe from part of a wider subscription, or of nothing: explains, changes nothing', async () => {
    const none = await say('unsubscribe exchange');
    assert.equal(title(none.reply), 'Not subscribed');
    await say('subscribe');
    const part = await say('unsubscribe exchange');
    assert.equal(title(part.reply), 'Part of a wider subscription');
    assert.match(cardText(part.reply), /`unsubscribe all` stops those/);
    assert.equal((await part.services.stores.subscriptions.inConversation(TENANT, CHANNEL)).length, 1);
    assert.equal(part.services.accessCalls.length, 0, 'no change, so no admin check');
  });

  it('unsubscribe denied for the group it touches: nothing removed', async () => {
    await say('subscribe exchange');
    const { reply, services } = await say('unsubscribe exchange', {
      denied: { exchange: denial('ServiceActivity-Exchange.Read.All') },
    });
    assert.equal(title(reply), 'Admin access needed');
    assert.equal((await services.stores.subscriptions.inConversation(TENANT, CHANNEL)).length, 1);
    assert.equal((await services.stores.audit.recent(TENANT, new Date(0))).length, 1);
  });

  it('subscriptions: readable without admin rights, lists this conversation and counts the others', async () => {
    await say('subscribe exchange');
    await say('subscribe', {}, turn({ conversation: { id: 'a:other', scope: 'groupChat' } }));
    const allDenied = { exchange: denial('x'), teams: denial('x'), entra: denial('x') };
    const { reply, services } = await say('subscriptions', { denied: allDenied });
    assert.equal(services.accessCalls.length, 0);
    assert.match(cardText(reply), /Alert subscriptions in this channel/);
    assert.match(cardText(reply), /\*\*Exchange Online\*\*/);
    assert.match(cardText(reply), /1 other conversation of your tenant also get alerts/);
  });

  it("subscribe brings Microsoft's incidents, not advisories; the answer says how to change that", async () => {
    const { reply, services } = await say('subscribe exchange');
    assert.match(
      cardText(reply),
      /Microsoft's incidents for it come here too \(`subscribe exchange advisories` adds advisories, `unsubscribe exchange incidents` stops them\)/,
    );
    const [sub] = await services.stores.subscriptions.inConversation(TENANT, CHANNEL);
    assert.equal(sub.microsoft, undefined, 'the default is not stored: old and new subscriptions read alike');
    assert.deepEqual(microsoftIssuesOf(sub), { incidents: true, advisories: false });
    assert.match(cardText((await say('subscriptions')).reply), /Microsoft's issues: incidents/);
  });

  it('subscribe <service> advisories: subscribes with advisories when not subscribed, else turns them on', async () => {
    const created = await say('subscribe teams advisories');
    assert.equal(title(created.reply), 'Subscribed');
    assert.match(cardText(created.reply), /Microsoft's incidents and advisories for it come here too/);
    await say('subscribe exchange');
    const { reply, services } = await say('subscribe exchange advisories', {}, later(1));
    assert.equal(title(reply), "Microsoft's issues on");
    assert.match(cardText(reply), /now gets Microsoft's incidents and advisories for Exchange Online/);
    assert.deepEqual(
      buttons(reply).map((b) => b.value),
      ['unsubscribe exchange advisories', 'subscriptions', 'incidents'],
    );
    const subs = await services.stores.subscriptions.inConversation(TENANT, CHANNEL);
    assert.deepEqual(
      subs.map((s) => [s.scope.kind === 'service' && s.scope.service, microsoftIssuesOf(s)]),
      [
        ['exchange', { incidents: true, advisories: true }],
        ['teams', { incidents: true, advisories: true }],
      ],
    );
    const [last] = await services.stores.audit.recent(TENANT, new Date(0));
    assert.equal(last.detail, "Microsoft's issues for Exchange Online: incidents and advisories");
    const again = await say('subscribe exchange advisories');
    assert.equal(title(again.reply), 'Nothing to change');
  });

  it('unsubscribe <service> incidents: stops Microsoft’s issues, keeps the subscription; Undo restores them', async () => {
    await say('subscribe exchange advisories');
    const { reply, services } = await say('unsubscribe exchange incidents');
    assert.equal(title(reply), "Microsoft's issues off");
    assert.match(cardText(reply), /now gets none of Microsoft's incidents or advisories for Exchange Online/);
    assert.deepEqual(buttons(reply)[0], { title: 'Undo', value: 'subscribe exchange advisories' });
    const [sub] = await services.stores.subscriptions.inConversation(TENANT, CHANNEL);
    assert.deepEqual(sub.microsoft, { incidents: false, advisories: false });
    assert.equal(sub.scope.kind, 'service', 'the telemetry subscription stays');
    const off = await say('unsubscribe exchange advisories');
    assert.equal(title(off.reply), 'Nothing to change');
  });

  it('issue settings: part of a wider subscription, not subscribed, and denied change nothing', async () => {
    const none = await say('unsubscribe exchange incidents');
    assert.equal(title(none.reply), 'Not subscribed');
    await say('subscribe');
    const part = await say('subscribe exchange advisories');
    assert.equal(title(part.reply), 'Part of a wider subscription');
    assert.match(cardText(part.reply), /`subscribe all advisories` changes them/);
    const denied = await say('unsubscribe all incidents', {
      denied: { exchange: denial('ServiceActivity-Exchange.Read.All') },
    });
    assert.equal(title(denied.reply), 'Admin access needed');
    const [sub] = await denied.services.stores.subscriptions.inConversation(TENANT, CHANNEL);
    assert.equal(sub.microsoft, undefined);
  });

  it('without alert stores: says alerts are not set up', async () => {
    const { reply } = await say('subscribe', { noStores: true });
    assert.equal(title(reply), 'Alerts are not set up');
    assert.deepEqual(await everything(), {});
  });
});
