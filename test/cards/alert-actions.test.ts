import assert from 'node:assert/strict';
import { buildAlertCard, buildAlertDetailsCard } from '../../src/cards/alert-card';
import {
  ALERT_VERBS,
  type AlertActionData,
  type GroupActionData,
  type IncidentActionData,
  readAlertActionData,
} from '../../src/cards/alert-buttons';
import type { AlertCardInput } from '../../src/cards/alert-input';
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import type { UserAction } from '../../src/monitor/alert-events';
import { transition } from '../../src/monitor/alert-state';
import type { Actor } from '../../src/monitor/actor';
import type { Incident } from '../../src/monitor/incident';
import { groupIncidents } from '../../src/monitor/incident-groups';
import { acted, ADELE, ALEX, at, NOW, opened, recovered, TENANT, texts, TZ } from './alert-fixtures';

interface Execute {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: AlertActionData;
}

/** Every Action.Execute of a card, including those inside Action.ShowCard cards. */
function executes(card: { actions?: unknown[]; body?: unknown[] }): Execute[] {
  const out: Execute[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push(o as unknown as Execute);
    Object.values(o).forEach(walk);
  };
  walk(card.actions);
  walk(card.body);
  return out;
}

const verbsOf = (card: AdaptiveCard) => [...new Set(executes(card).map((a) => a.verb))];

const cardOf = (incidents: Incident[], key?: string): AdaptiveCard =>
  buildAlertCard({
    group: { key, tenantId: TENANT, service: incidents[0].service, incidents },
    now: NOW,
    timeZone: TZ,
    locale: 'en-GB',
  });

/**
 * What the card-action handler does with a button, minus I/O: the verb and data become a lifecycle action on every
 * incident the data names. Fails when the data lacks what the handler needs.
 */
function press(action: Execute, store: Map<string, Incident>, by: Actor, now: number): void {
  const ids = 'incidentIds' in action.data ? action.data.incidentIds : [action.data.incidentId];
  assert.ok(ids.length > 0, `${action.title}: no incident ids`);
  for (const id of ids) {
    const incident = store.get(id);
    assert.ok(incident, `${action.title}: unknown incident ${id}`);
    assert.equal(incident.tenantId, action.data.tenantId, 'tenant of the data is the incident tenant');
    const user: UserAction | undefined =
      action.verb === ALERT_VERBS.ack
        ? { type: 'acknowledge', by }
        : action.verb === ALERT_VERBS.snooze
          ? { type: 'snooze', by, minutes: action.data.minutes! }
          : action.verb === ALERT_VERBS.mute
            ? { type: 'mute', by }
            : undefined;
    if (!user) continue;
    const t = transition(incident, user, now);
    assert.notEqual(t.effects[0].kind, 'none', `${action.title} on ${id}: ${JSON.stringify(t.effects[0])}`);
    store.set(id, t.incident!);
  }
}

describe('cards/alert-card actions', () => {
  const firing = () => opened('mail-delivery', at('14:50'), 1180, 3400);

  it('every action of a single card carries incidentId, key and tenantId of its incident', () => {
    const incident = firing();
    for (const card of [
      cardOf([incident]),
      buildAlertDetailsCard({
        group: { tenantId: TENANT, service: 'exchange', incidents: [incident] },
        now: NOW,
        timeZone: TZ,
        locale: 'en-GB',
      }),
    ]) {
      const actions = executes(card);
      assert.ok(actions.length >= 6);
      for (const a of actions) {
        const data = a.data as IncidentActionData;
        assert.equal(data.incidentId, incident.id, a.title);
        assert.equal(data.incidentKey, incident.key, a.title);
        assert.ok(!('key' in data), `${a.title}: no property named key`);
        assert.equal(data.tenantId, TENANT, a.title);
        assert.ok(Object.values(ALERT_VERBS).includes(a.verb as never), `${a.title}: verb ${a.verb}`);
        assert.equal('minutes' in data, a.verb === ALERT_VERBS.snooze, `${a.title}: minutes only on snooze`);
      }
    }
  });

  it('snooze offers 1, 4 and 24 hours in a ShowCard', () => {
    const card = cardOf([firing()]);
    const show = (card.actions as { type: string; title: string; card?: AdaptiveCard }[]).find(
      (a) => a.type === 'Action.ShowCard',
    );
    assert.ok(show?.card);
    const choices = executes(show.card);
    assert.deepEqual(
      choices.map((c) => [c.title, c.verb, c.data.minutes]),
      [
        ['1 hour', 'alert.snooze', 60],
        ['4 hours', 'alert.snooze', 240],
        ['24 hours', 'alert.snooze', 1440],
      ],
    );
  });

  it('buttons follow the state: firing, acknowledged, snoozed, muted, resolved', () => {
    const f = firing();
    assert.deepEqual(verbsOf(cardOf([f])), ['alert.ack', 'alert.snooze', 'alert.mute', 'alert.details']);
    const acked = acted(f, { type: 'acknowledge', by: ADELE }, at('15:00'));
    assert.deepEqual(verbsOf(cardOf([acked])), ['alert.snooze', 'alert.mute', 'alert.details']);
    const snoozed = acted(f, { type: 'snooze', by: ADELE, minutes: 60 }, at('15:00'));
    assert.deepEqual(verbsOf(cardOf([snoozed])), [
      'alert.ack',
      'alert.snooze',
      'alert.mute',
      'alert.details',
    ]);
    const ackedThenSnoozed = acted(acked, { type: 'snooze', by: ADELE, minutes: 60 }, at('15:05'));
    assert.deepEqual(verbsOf(cardOf([ackedThenSnoozed])), ['alert.snooze', 'alert.mute', 'alert.details']);
    const muted = acted(f, { type: 'mute', by: ADELE }, at('15:00'));
    assert.deepEqual(verbsOf(cardOf([muted])), ['alert.ack', 'alert.snooze', 'alert.details']);
    assert.deepEqual(verbsOf(cardOf([recovered(f, at('15:10'))])), ['alert.details']);
  });

  it('the details card swaps Details for Back to summary and keeps the lifecycle buttons', () => {
    const card = buildAlertDetailsCard({
      group: { tenantId: TENANT, service: 'exchange', incidents: [firing()] },
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    });
    assert.deepEqual(verbsOf(card), ['alert.ack', 'alert.snooze', 'alert.mute', 'alert.summary']);
  });

  it('pressing each button of a single card drives the real lifecycle, and the card follows', () => {
    const expected: Record<string, RegExp> = {
      [ALERT_VERBS.ack]: /^Acknowledged by Alex Wilber at 15:15$/,
      [ALERT_VERBS.mute]: /^🔕 Rule muted by Alex Wilber at 15:15/,
      [ALERT_VERBS.snooze]: /^Snoozed until 19:15 by Alex Wilber$/,
    };
    for (const [verb, shown] of Object.entries(expected)) {
      const incident = firing();
      const store = new Map([[incident.id, incident]]);
      const button = executes(cardOf([incident])).find(
        (a) => a.verb === verb && (a.data.minutes ?? 240) === 240,
      )!;
      press(button, store, ALEX, at('15:15'));
      const after = cardOf([store.get(incident.id)!]);
      assert.ok(
        texts(after.body).some((t) => shown.test(t)),
        `${verb}: ${texts(after.body).join(' | ')}`,
      );
    }
  });

  it('a grouped card acts on the members each button fits, with the group key of groupIncidents', () => {
    const chat = opened('teams-chat', at('14:30'), 4100, 15200);
    const joins = acted(
      opened('meeting-joins', at('14:35'), 300, 1150),
      { type: 'acknowledge', by: ALEX },
      at('14:50'),
    );
    const qoe = recovered(opened('teams-qoe', at('14:36'), 80, 97), at('15:00'));
    const udp = acted(opened('teams-udp', at('14:40'), 78.2, 95.1), { type: 'mute', by: ADELE }, at('14:55'));
    const [g] = groupIncidents([chat, joins, qoe, udp]);
    assert.equal(g.members.length, 4);
    const card = cardOf(g.members); // no key given: the card derives the same one
    const byVerb = new Map<string, GroupActionData[]>();
    for (const a of executes(card)) {
      const data = a.data as GroupActionData;
      assert.equal(data.groupKey, g.key);
      assert.equal(data.tenantId, TENANT);
      byVerb.set(a.verb, [...(byVerb.get(a.verb) ?? []), data]);
    }
    const ids = (verb: string) => new Set(byVerb.get(verb)![0].incidentIds);
    assert.deepEqual(ids(ALERT_VERBS.ack), new Set([chat.id, udp.id]), 'firing ones only');
    assert.deepEqual(ids(ALERT_VERBS.snooze), new Set([chat.id, joins.id, udp.id]), 'open ones');
    assert.deepEqual(ids(ALERT_VERBS.mute), new Set([chat.id, joins.id]), 'open and not muted');
    assert.deepEqual(ids(ALERT_VERBS.details), new Set([chat.id, joins.id, qoe.id, udp.id]), 'all');
    assert.deepEqual(
      byVerb.get(ALERT_VERBS.snooze)!.map((d) => d.minutes),
      [60, 240, 1440],
    );

    const store = new Map(g.members.map((i) => [i.id, i]));
    for (const verb of [ALERT_VERBS.ack, ALERT_VERBS.mute])
      press(
        executes(card).find((a) => a.verb === verb)!,
        store,
        ADELE,
        at('15:15'),
      );
    const after = cardOf([...store.values()], g.key);
    assert.deepEqual(verbsOf(after), ['alert.snooze', 'alert.details'], 'all acknowledged and muted');
  });

  it('refuses an empty group with a clear error', () => {
    const input: AlertCardInput = {
      group: { tenantId: TENANT, service: 'teams', incidents: [] },
      now: NOW,
      timeZone: TZ,
      locale: 'en-GB',
    };
    assert.throws(() => buildAlertCard(input), /group has no incidents/);
  });

  it("reads inbound button data in today's shape and in the shape of cards posted before the rename", () => {
    const today = { incidentId: 'k#1', incidentKey: 'k', tenantId: TENANT };
    assert.deepEqual(readAlertActionData(today), today);
    assert.deepEqual(readAlertActionData({ incidentId: 'k#1', key: 'k', tenantId: TENANT, minutes: 60 }), {
      ...today,
      minutes: 60,
    });
    const group = { groupKey: 'g', incidentIds: ['a#1', 'b#1'], tenantId: TENANT };
    assert.deepEqual(readAlertActionData(group), group);
    assert.equal(readAlertActionData({ incidentId: 'k#1' }), undefined, 'no tenant');
    assert.equal(readAlertActionData({ tenantId: TENANT }), undefined, 'no incident');
    assert.equal(readAlertActionData('alert'), undefined);
  });
});
