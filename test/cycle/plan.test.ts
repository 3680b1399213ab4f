import assert from 'node:assert/strict';
import type { MonitorCredential } from '../../src/auth/monitor-identity';
import { metricsOfService } from '../../src/domain/catalog';
import { defaultRulesFor, type Rule } from '../../src/monitor/rules';
import { SYSTEM_ACTOR } from '../../src/monitor/actor';
import { planCycle } from '../../src/cycle/plan';
import type { CredentialSource, MonitorConfigSource, WatchedConversation } from '../../src/cycle/types';

const T = 'contoso';
const ADELE = { tenantId: T, oid: 'adele', name: 'Adele Vance' };
const EXCHANGE = 'ServiceActivity-Exchange.Read.All';
const TEAMS = 'ServiceActivity-Teams.Read.All';
const fnsOf = (service: 'exchange' | 'teams' | 'onedrive') => metricsOfService(service).map((m) => m.fn);
const rules: Rule[] = defaultRulesFor([...fnsOf('exchange'), ...fnsOf('teams'), ...fnsOf('onedrive')], {
  tenantId: T,
  createdBy: SYSTEM_ACTOR,
  createdAt: '2026-10-01T00:00:00Z',
});

function sub(id: string, service: 'exchange' | 'teams', paused = false): WatchedConversation {
  return {
    id,
    tenantId: T,
    conversationId: `19:${id}@thread.tacv2`,
    scope: { kind: 'service', service },
    admin: ADELE,
    locale: 'en-GB',
    timeZone: 'UTC',
    ...(paused
      ? { paused: { since: '2026-11-24T00:00:00Z', reason: 'no sign-in', admins: ['Adele Vance'] } }
      : {}),
  };
}

function config(subs: WatchedConversation[]): MonitorConfigSource {
  return {
    tenants: async () => [T],
    subscriptions: async () => subs,
    rules: async () => rules,
    setPaused: async () => assert.fail('planning writes nothing'),
    setDigestSent: async () => assert.fail('planning writes nothing'),
  };
}

/** Grants per permission: a token, no identity, or a failing identity source. */
function credentials(grants: Record<string, string | 'none' | 'throws'>): CredentialSource {
  return async (_tenant, permission, admins): Promise<MonitorCredential> => {
    const g = grants[permission] ?? 'none';
    if (g === 'throws') throw new Error('store unavailable\nstack…');
    if (g === 'none') return { kind: 'none', reason: `nobody can read ${permission}`, admins: [...admins] };
    return { kind: 'app', token: g };
  };
}

describe('cycle stage 1 (plan)', () => {
  it('plans nothing for a tenant without subscriptions', async () => {
    assert.equal(await planCycle(T, { config: config([]), credential: credentials({}) }), undefined);
  });

  it('keeps only the rules of watched metrics and reads them in one fetch per identity, not per permission', async () => {
    const plan = await planCycle(T, {
      config: config([sub('mail', 'exchange'), sub('calls', 'teams')]),
      credential: credentials({ [EXCHANGE]: 'app-token', [TEAMS]: 'app-token' }),
    });
    assert.ok(plan);
    assert.deepEqual(
      plan.rules.map((r) => r.fn),
      [...fnsOf('exchange'), ...fnsOf('teams')],
    );
    assert.deepEqual(plan.fetches, [{ token: 'app-token', fns: [...fnsOf('exchange'), ...fnsOf('teams')] }]);
    assert.equal(await plan.anyToken?.(), 'app-token');
    assert.deepEqual([plan.pauses, plan.resumes, plan.errors], [[], [], []]);
  });

  it('pauses the subscriptions of a permission nobody can read, and resumes paused ones whose identity is back', async () => {
    const mail = sub('mail', 'exchange');
    const calls = sub('calls', 'teams', true);
    const plan = await planCycle(T, {
      config: config([mail, calls]),
      credential: credentials({ [EXCHANGE]: 'none', [TEAMS]: 'teams-token' }),
    });
    assert.ok(plan);
    assert.deepEqual(
      plan.pauses.map((p) => [p.subs.map((s) => s.id), p.reason, p.admins]),
      [[['mail'], `nobody can read ${EXCHANGE}`, [ADELE]]],
    );
    assert.deepEqual(
      plan.resumes.map((s) => s.id),
      ['calls'],
    );
    assert.deepEqual(plan.fetches, [{ token: 'teams-token', fns: fnsOf('teams') }]);
  });

  it('turns a failing identity source into a pause that says why, and reports the error once without its stack', async () => {
    const plan = await planCycle(T, {
      config: config([sub('mail', 'exchange')]),
      credential: credentials({ [EXCHANGE]: 'throws' }),
    });
    assert.ok(plan);
    assert.deepEqual(plan.errors, [`credential ${EXCHANGE}: store unavailable`]);
    assert.match(
      plan.pauses[0].reason,
      /could not pick an identity \(store unavailable\); tried again at every cycle/,
    );
    assert.equal(plan.anyToken, undefined);
    assert.deepEqual(plan.fetches, []);
  });
});
