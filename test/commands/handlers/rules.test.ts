import assert from 'node:assert/strict';
import { respondToText } from '../../../src/commands/respond';
import { parseCommand } from '../../../src/commands/parse';
import { MissingPermissionError } from '../../../src/graph/errors';
import { SqliteStore } from '../../../src/store/sqlite-store';
import { buttons, cardText, fakeServices, NOW, TENANT, title, turn, type FakeOptions } from './alert-fakes';

describe('watch, unwatch, rules (handlers over SQLite :memory:)', () => {
  let kv: SqliteStore;
  let minute: number;
  beforeEach(() => {
    kv = new SqliteStore(':memory:');
    minute = 0;
  });
  afterEach(() => kv.close());

  /** Each message a minute after the previous one. */
  const say = (text: string, opts: FakeOptions = {}) => {
    const services = fakeServices(kv, opts);
    const ctx = turn({ now: new Date(NOW.getTime() + ++minute * 60_000) });
    return respondToText(text, ctx, services).then((reply) => ({ reply, services }));
  };
  const rules = () => fakeServices(kv).stores.rules.list(TENANT);
  const audit = () => fakeServices(kv).stores.audit.recent(TENANT, new Date(0));

  it('watch: adds a custom rule for the tenant, checks only its group, records it, offers Undo', async () => {
    const { reply, services } = await say('watch udp below 80% for 15m');
    assert.deepEqual(services.accessCalls, [['teams']]);
    assert.equal(title(reply), 'Rule added');
    assert.match(cardText(reply), /`custom:teams-udp:below:80`: Audio over UDP below 80 % for 3 buckets/);
    assert.match(
      cardText(reply),
      /This channel is not subscribed to it: `subscribe teams-udp` gets its alerts here/,
    );
    assert.deepEqual(buttons(reply)[0], { title: 'Undo', value: 'unwatch custom:teams-udp:below:80' });
    const [rule] = await rules();
    assert.equal(rule.forBuckets, 3);
    assert.deepEqual(rule.createdBy, { id: 'oid-ana', name: 'Ana Lopez', teamsId: '29:ana' });
    const [entry] = await audit();
    assert.equal(entry.action, 'rule-create');
    assert.equal(entry.target, 'custom:teams-udp:below:80');
    assert.equal(entry.by.id, 'oid-ana');
  });

  it('watch next to a default of the same kind says so; the same rule again changes nothing', async () => {
    await say('subscribe teams');
    const { reply } = await say('watch udp below 80%');
    assert.doesNotMatch(cardText(reply), /not subscribed/);
    assert.match(
      cardText(reply),
      /The default rule `default:teams-udp` \(Audio over UDP below 85 %.*\) also stays; `unwatch default:teams-udp` mutes it/,
    );
    const again = await say('watch udp below 80%');
    assert.equal(title(again.reply), 'Already watching');
    const changed = await say('watch udp below 80% for 30m');
    assert.equal(title(changed.reply), 'Rule changed');
    assert.deepEqual(
      (await audit()).map((e) => e.action),
      ['rule-update', 'rule-create', 'subscribe'],
    );
  });

  it('watch denied: no rule, and the card names who can', async () => {
    const denied = new MissingPermissionError(
      'no',
      { tenantId: TENANT, status: 403 },
      'Reports.Read.All',
      [],
    );
    const { reply } = await say('watch mfa failures rise 200%', { denied: { entra: denied } });
    assert.equal(title(reply), 'Admin access needed');
    assert.match(
      cardText(reply),
      /Global Reader, Reports Reader, Security Reader, Security Administrator, Security Operator/,
    );
    assert.deepEqual(await rules(), []);
    assert.deepEqual(await audit(), []);
  });

  it('unwatch #n removes a custom rule; its Undo recreates exactly that rule', async () => {
    await say('watch connectivity below 97% for 20m');
    const { reply } = await say('unwatch #1');
    assert.equal(title(reply), 'Rule removed');
    const undo = buttons(reply)[0].value;
    assert.equal(undo, 'watch exchange-connectivity below 97% for 20m');
    assert.deepEqual(await rules(), []);
    assert.equal((await audit())[0].action, 'rule-delete');
    await say(undo);
    const [back] = await rules();
    assert.equal(back.id, 'custom:exchange-connectivity:below:97');
    assert.equal(back.forBuckets, 4);
    const parsed = parseCommand(undo, { now: NOW });
    assert.ok(parsed.ok);
  });

  it('unwatch on a default rule mutes it; watch with its id unmutes it; both are audited', async () => {
    await say('subscribe mail delivery');
    const muted = await say('unwatch default:mail-delivery');
    assert.equal(title(muted.reply), 'Default rule muted');
    assert.deepEqual(buttons(muted.reply)[0], { title: 'Undo', value: 'watch default:mail-delivery' });
    const [rule] = await rules();
    assert.deepEqual(rule.muted?.by, { id: 'oid-ana', name: 'Ana Lopez', teamsId: '29:ana' });
    const again = await say('unwatch #1');
    assert.equal(title(again.reply), 'Already muted');
    const unmuted = await say('watch #1');
    assert.equal(title(unmuted.reply), 'Rule unmuted');
    assert.equal((await rules())[0].muted, undefined);
    const notMuted = await say('watch default:mail-delivery');
    assert.equal(title(notMuted.reply), 'Not muted');
    assert.deepEqual(
      (await audit()).map((e) => e.action),
      ['unmute', 'mute', 'subscribe'],
    );
  });

  it('unwatch by metric: the one custom rule; several ask which; none says so', async () => {
    await say('subscribe teams udp');
    await say('watch udp below 80%');
    const one = await say('unwatch udp');
    assert.equal(title(one.reply), 'Rule removed');
    await say('watch udp below 80%');
    await say('watch udp below 70%');
    const which = await say('unwatch udp');
    assert.equal(title(which.reply), 'Which rule?');
    assert.deepEqual(
      buttons(which.reply).map((b) => b.value),
      [
        'unwatch default:teams-udp',
        'unwatch custom:teams-udp:below:70',
        'unwatch custom:teams-udp:below:80',
        'rules',
      ],
    );
    const none = await say('unwatch #9');
    assert.equal(title(none.reply), 'No such rule');
    assert.match(cardText(none.reply), /There is no rule #9: your tenant has 3 rules/);
    const byWords = await say('unwatch udp below 75%');
    assert.match(cardText(byWords.reply), /There is no rule `custom:teams-udp:below:75`/);
    assert.equal((await rules()).length, 3);
  });

  it('unwatch denied: the rule stays', async () => {
    await say('watch udp below 80%');
    const denied = new MissingPermissionError('no', { tenantId: TENANT, status: 403 }, undefined, []);
    const { reply } = await say('unwatch #1', { denied: { teams: denied } });
    assert.equal(title(reply), 'Admin access needed');
    assert.match(cardText(reply), /ServiceActivity-Teams\.Read\.All/);
    assert.equal((await rules()).length, 1);
  });

  it('rules: readable without admin rights, numbered', async () => {
    await say('subscribe teams udp');
    await say('watch udp below 80%');
    const denied = new MissingPermissionError('no', { tenantId: TENANT, status: 403 }, undefined, []);
    const { reply, services } = await say('rules', { denied: { teams: denied } });
    assert.equal(services.accessCalls.length, 0);
    assert.match(cardText(reply), /\*\*#1\*\* · `default:teams-udp`/);
    assert.match(cardText(reply), /\*\*#2\*\* · `custom:teams-udp:below:80`/);
  });
});
