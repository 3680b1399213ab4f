import assert from 'node:assert/strict';
import { respondToText } from '../../../src/commands/respond';
import { incidentStoreKey } from '../../../src/alerts/store-keys';
import { metricById } from '../../../src/domain/catalog';
import { MissingPermissionError } from '../../../src/graph/errors';
import { incidentKey, type Incident } from '../../../src/monitor/incident';
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

describe('quiet, digest, alerts, history (handlers over SQLite :memory:)', () => {
  let kv: SqliteStore;
  let minute: number;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    minute = 0;
  });
  afterEach(() => kv.close());

  const say = (text: string, opts: FakeOptions = {}, conversationId = CHANNEL) => {
    const services = fakeServices(kv, opts);
    const ctx = turn({
      now: new Date(NOW.getTime() + ++minute * 60_000),
      conversation: { id: conversationId, scope: 'channel' },
    });
    return respondToText(text, ctx, services).then((reply) => ({ reply, services }));
  };
  const subs = () => fakeServices(kv).stores.subscriptions.inConversation(TENANT, CHANNEL);

  it('quiet: needs a subscription first, and changes nothing without one', async () => {
    const { reply, services } = await say('quiet 22:00-07:00');
    assert.equal(title(reply), 'Subscribe first');
    assert.equal(services.accessCalls.length, 0);
    assert.deepEqual(await kv.list(''), {});
  });

  it("quiet: sets every subscription here in the user's zone, records it, Undo turns it off; new subscriptions inherit", async () => {
    await say('subscribe exchange');
    await say('subscribe teams');
    await say('subscribe', {}, 'a:other-chat');
    const { reply, services } = await say('quiet 22:00-07:00');
    assert.deepEqual(services.accessCalls, [['exchange', 'teams']]);
    assert.equal(title(reply), 'Quiet hours set');
    assert.match(cardText(reply), /from 22:00 to 07:00 \(Europe\/Berlin\)/);
    assert.deepEqual(buttons(reply)[0], { title: 'Undo', value: 'quiet off' });
    for (const s of await subs())
      assert.deepEqual(s.quiet, { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' });
    const other = await fakeServices(kv).stores.subscriptions.inConversation(TENANT, 'a:other-chat');
    assert.equal(other[0].quiet, undefined);
    const [entry] = await services.stores.audit.recent(TENANT, new Date(0));
    assert.equal(entry.action, 'quiet-hours');
    assert.equal(entry.detail, '22:00-07:00 Europe/Berlin');
    await say('subscribe teams udp');
    await say('subscribe entra');
    assert.ok((await subs()).every((s) => s.quiet?.from === '22:00'));
    const off = await say('quiet off');
    assert.deepEqual(buttons(off.reply)[0], { title: 'Undo', value: 'quiet 22:00-07:00 Europe/Berlin' });
    assert.ok((await subs()).every((s) => s.quiet === undefined));
    const same = await say('quiet off');
    assert.equal(title(same.reply), 'Nothing to change');
  });

  it('quiet denied: unchanged', async () => {
    await say('subscribe exchange');
    const denied = new MissingPermissionError('no', { tenantId: TENANT, status: 403 }, undefined, []);
    const { reply } = await say('quiet 23:00-06:00 utc', { denied: { exchange: denied } });
    assert.equal(title(reply), 'Admin access needed');
    assert.equal((await subs())[0].quiet, undefined);
  });

  it('digest: set in a named zone, moving it keeps when it was last sent, off with Undo', async () => {
    await say('subscribe');
    const set = await say('digest daily 08:30 america/new_york');
    assert.equal(title(set.reply), 'Daily digest set');
    assert.deepEqual((await subs())[0].digest, { at: '08:30', timeZone: 'America/New_York' });
    const [s] = await subs();
    await fakeServices(kv).stores.subscriptions.update(s, (c) => ({
      ...c,
      digest: { ...c.digest!, lastSentAt: '2026-11-27T13:30:00.000Z' },
    }));
    await say('digest 9am');
    assert.deepEqual((await subs())[0].digest, {
      at: '09:00',
      timeZone: 'Europe/Berlin',
      lastSentAt: '2026-11-27T13:30:00.000Z',
    });
    const off = await say('digest off');
    assert.deepEqual(buttons(off.reply)[0], { title: 'Undo', value: 'digest daily 09:00 Europe/Berlin' });
    assert.equal((await subs())[0].digest, undefined);
    const actions = (await fakeServices(kv).stores.audit.recent(TENANT, new Date(0))).map(
      (e) => `${e.action} ${e.detail}`,
    );
    assert.deepEqual(actions.slice(0, 3), [
      'digest off',
      'digest daily 09:00 Europe/Berlin',
      'digest daily 08:30 America/New_York',
    ]);
  });

  it("alerts and history: read the monitor's incidents and the audit log of the groups the user may read", async () => {
    await say('subscribe teams');
    const fn = metricById('teams-udp')!.fn;
    const key = incidentKey(TENANT, 'default:teams-udp', fn);
    const incident: Incident = {
      key,
      id: `${key}#2`,
      occurrence: 2,
      tenantId: TENANT,
      ruleId: 'default:teams-udp',
      fn,
      service: 'teams',
      state: 'acknowledged',
      openedAt: '2026-11-27T09:00:00.000Z',
      lastBreachAt: '2026-11-27T10:00:00.000Z',
      value: 70,
      baseline: null,
      ackBy: { id: 'oid-bo', name: 'Bo Chen' },
      ackAt: '2026-11-27T09:10:00.000Z',
      cardPosted: true,
      history: [],
      version: 3,
    };
    await kv.write({ [incidentStoreKey(TENANT, key)]: { ...incident } });
    await fakeServices(kv).stores.audit.append({
      tenantId: TENANT,
      at: '2026-11-27T09:10:00.000Z',
      by: { id: 'oid-bo', name: 'Bo Chen' },
      action: 'acknowledge',
      target: incident.id,
      detail: '',
    });
    const denied = new MissingPermissionError('no', { tenantId: TENANT, status: 403 }, undefined, []);
    const refused = await say('alerts', { denied: { teams: denied } });
    assert.doesNotMatch(
      cardText(refused.reply),
      /Bo Chen/,
      'a user Graph refuses Teams data sees no Teams alert',
    );
    assert.match(refused.reply.text ?? '', /Left out: Microsoft Teams/);
    const alerts = await say('alerts');
    assert.deepEqual(alerts.services.accessCalls, [['teams']]);
    assert.match(cardText(alerts.reply), /Open alerts \(1\)/);
    assert.match(cardText(alerts.reply), /acknowledged by Bo Chen at 10:10/);
    const history = await say('history 24h');
    const text = cardText(history.reply);
    assert.match(text, /Alert history: last 24 hours/);
    assert.match(text, /Bo Chen acknowledged the Audio over UDP alert #2/);
    assert.match(
      text,
      /Ana Lopez subscribed this conversation \(to Microsoft Teams; 5 default rules added\)/,
    );
    const old = await say('history 1h');
    assert.doesNotMatch(cardText(old.reply), /Bo Chen acknowledged/);
    assert.match(cardText(old.reply), /Open|Acknowledged/, 'the open incident is listed whatever the span');
  });

  it('alerts and history: say which alert cards could not be delivered, and why', async () => {
    const letter = {
      itemId: 'item-1',
      tenantId: TENANT,
      conversationId: CHANNEL,
      cardKey: `${TENANT}|exchange|x`,
      attempts: 12,
      createdAt: NOW.getTime() - 3_600_000,
      deadAt: NOW.getTime() - 60_000,
      reason: 'HTTP 502 Bad Gateway; gave up after 12 attempts',
    };
    await fakeServices(kv).stores.deadLetters.record(letter);
    await fakeServices(kv).stores.deadLetters.record({
      ...letter,
      itemId: 'old',
      deadAt: NOW.getTime() - 3 * 24 * 3_600_000,
    });
    const alerts = await say('alerts');
    assert.match(
      cardText(alerts.reply),
      /1 alert card could not be delivered in the last 24 hours \(latest at .*: HTTP 502 Bad Gateway; gave up after 12 attempts\)/,
    );
    const week = await say('history 7d');
    assert.match(cardText(week.reply), /2 alert cards could not be delivered in the last 7 days/);
    const none = await say('history 7d', {}, 'a:other-chat');
    assert.match(
      cardText(none.reply),
      /could not be delivered/,
      'a tenant-wide warning, whichever chat asks',
    );
  });
});
