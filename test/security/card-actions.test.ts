import assert from 'node:assert/strict';
import { createAlertStores } from '../../src/alerts/alert-stores';
import { incidentStoreKey } from '../../src/alerts/store-keys';
import { respondToAction } from '../../src/commands/actions';
import type { CommandServices } from '../../src/commands/services';
import type { ServiceGroup } from '../../src/domain/catalog-types';
import type { GroupAccess, UserMetricsReader } from '../../src/graph/metrics-reader';
import { signInRequired } from '../../src/auth/sign-in-required';
import { SqliteStore } from '../../src/store/sqlite-store';
import { turn } from '../commands/handlers/alert-fakes';
import { footprint } from './footprint';
import { CARD_ACTION_CASES, CASE_TENANT, INCIDENT, type CardActionCase } from './card-action-cases';

function services(kv: SqliteStore, c: CardActionCase, acted: unknown[]): CommandServices {
  const metrics = {
    async access(groups: readonly ServiceGroup[]) {
      return new Map<ServiceGroup, GroupAccess>(
        groups.map((g) => [
          g,
          g === 'exchange' && c.exchange ? { allowed: false, error: c.exchange } : { allowed: true },
        ]),
      );
    },
  } as unknown as UserMetricsReader;
  return {
    signInMode: 'sso',
    graphToken: async () => {
      if (c.signedIn === false) throw signInRequired({ tenantId: CASE_TENANT, oid: 'oid-ana' });
      return 'token';
    },
    signOut: async () => undefined,
    metrics,
    alerts: createAlertStores(kv),
    alertActions: {
      act: async (button) => {
        acted.push(button);
        return button.incidentIds.includes(INCIDENT.id)
          ? { ok: true, card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'acted' }] } }
          : { ok: false, reason: 'This alert is no longer stored.' };
      },
    },
  };
}

describe('security: card actions are checked like chat commands (forged, oversized, unauthorised)', () => {
  let refusals = 0;
  after(() => console.log(`      ${CARD_ACTION_CASES.length} card-action cases; refused: ${refusals}`));

  for (const c of CARD_ACTION_CASES) {
    it(`${c.id} ${c.name}`, async () => {
      const kv = new SqliteStore(':memory:');
      await kv.write({
        [incidentStoreKey(CASE_TENANT, INCIDENT.key)]: {
          key: INCIDENT.key,
          id: INCIDENT.id,
          occurrence: 1,
          tenantId: CASE_TENANT,
          fn: 'getEmailDeliveryMetrics',
          service: 'exchange',
          state: 'firing',
          openedAt: '2026-11-27T09:00:00.000Z',
          lastBreachAt: '2026-11-27T10:00:00.000Z',
          value: 10,
          baseline: 100,
          cardPosted: true,
          history: [],
          version: 1,
        },
      });
      const acted: unknown[] = [];
      const before = await footprint({}, kv, () => acted.length);
      const reply = await respondToAction(
        c.verb,
        c.data,
        turn({ tenantId: CASE_TENANT }),
        services(kv, c, acted),
      );
      const after = await footprint({}, kv, () => 0);
      const answer = JSON.stringify(reply);
      assert.match(answer, c.answer, `${c.id} answered ${answer.slice(0, 300)}`);
      assert.equal(after.store, before.store, `${c.id}: the store changed`);
      if (c.acts) assert.equal(acted.length, 1, `${c.id} reaches the lifecycle`);
      else {
        assert.equal(acted.length, 0, `${c.id} must not reach the lifecycle`);
        refusals++;
      }
      kv.close();
    });
  }
});
