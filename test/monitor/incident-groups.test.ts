import assert from 'node:assert/strict';
import { groupIncidents } from '../../src/monitor/alert-state';
import type { Incident } from '../../src/monitor/incident';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const iso = (min: number) => new Date(T0 + min * 60_000).toISOString().replace('.000Z', 'Z');

/** A minimal incident of `fn` in `service`, opened at minute `opened`, resolved at `resolved` if given. */
function inc(
  fn: string,
  service: string,
  opened: number,
  o: { resolved?: number; tenant?: string; state?: Incident['state'] } = {},
): Incident {
  const tenantId = o.tenant ?? 'contoso';
  const key = `${tenantId}|default:${fn}|${fn}`;
  const state = o.state ?? (o.resolved === undefined ? 'firing' : 'resolved');
  const incident: Incident = {
    key,
    id: `${key}#1`,
    occurrence: 1,
    tenantId,
    ruleId: `default:${fn}`,
    fn,
    service,
    state,
    openedAt: iso(opened),
    lastBreachAt: iso(opened),
    value: 1,
    baseline: 2,
    cardPosted: true,
    history: [],
    version: 1,
  };
  if (o.resolved !== undefined) incident.resolvedAt = iso(o.resolved);
  return incident;
}

const shape = (groups: ReturnType<typeof groupIncidents>) =>
  groups.map(
    (g) =>
      `${g.tenantId}/${g.service}@${g.openedAt.slice(11, 16)} ${g.state}: ${g.members.map((m) => m.fn).join(',')}`,
  );

describe('incident groups', () => {
  it('puts one service breaking together on one card, and keeps services and tenants apart', () => {
    const groups = groupIncidents([
      inc('teams-chat', 'teams', 2),
      inc('mail-delivery', 'exchange', 0),
      inc('owa-read', 'exchange', 3),
      inc('desktop-mail', 'exchange', 1, { tenant: 'fabrikam' }),
    ]);
    assert.deepEqual(shape(groups), [
      'contoso/exchange@10:00 firing: mail-delivery,owa-read',
      'fabrikam/exchange@10:01 firing: desktop-mail',
      'contoso/teams@10:02 firing: teams-chat',
    ]);
    assert.equal(groups[0].key, 'contoso|exchange|2026-11-24T10:00:00Z');
  });

  it('joins while a member is open, or within one cycle after the last one resolved', () => {
    const table: { members: Incident[]; cycle?: number; want: string[] }[] = [
      {
        members: [inc('mail-delivery', 'exchange', 0), inc('owa-read', 'exchange', 120)],
        want: ['contoso/exchange@10:00 firing: mail-delivery,owa-read'],
      },
      {
        members: [inc('mail-delivery', 'exchange', 0, { resolved: 20 }), inc('owa-read', 'exchange', 25)],
        want: ['contoso/exchange@10:00 firing: mail-delivery,owa-read'],
      },
      {
        members: [inc('mail-delivery', 'exchange', 0, { resolved: 20 }), inc('owa-read', 'exchange', 26)],
        want: ['contoso/exchange@10:00 resolved: mail-delivery', 'contoso/exchange@10:26 firing: owa-read'],
      },
      {
        members: [inc('mail-delivery', 'exchange', 0, { resolved: 20 }), inc('owa-read', 'exchange', 34)],
        cycle: 15,
        want: ['contoso/exchange@10:00 firing: mail-delivery,owa-read'],
      },
      {
        members: [
          inc('a', 'exchange', 0, { resolved: 10 }),
          inc('b', 'exchange', 5, { resolved: 40 }),
          inc('c', 'exchange', 38),
        ],
        want: ['contoso/exchange@10:00 firing: a,b,c'],
      },
    ];
    for (const { members, cycle, want } of table)
      assert.deepEqual(shape(groupIncidents(members, cycle)), want);
  });

  it('shows the most urgent member state', () => {
    const table: [Incident['state'][], Incident['state']][] = [
      [['resolved', 'snoozed', 'acknowledged', 'firing'], 'firing'],
      [['resolved', 'snoozed', 'acknowledged'], 'acknowledged'],
      [['snoozed', 'resolved'], 'snoozed'],
    ];
    for (const [states, want] of table) {
      const members = states.map((state, i) => inc(`m${i}`, 'teams', i, { state }));
      assert.equal(groupIncidents(members)[0].state, want, states.join());
    }
    assert.deepEqual(groupIncidents([]), []);
  });
});
