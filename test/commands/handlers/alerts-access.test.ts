import assert from 'node:assert/strict';
import { incidentStoreKey } from '../../../src/alerts/store-keys';
import { handleAlerts, handleHistory } from '../../../src/commands/handlers/alerts';
import { metricsOfService } from '../../../src/domain/catalog';
import { MissingPermissionError, NetworkError } from '../../../src/graph/errors';
import { SqliteStore } from '../../../src/store/sqlite-store';
import { NOW, TENANT, cardText, fakeServices, turn } from './alert-fakes';

/** An open incident of a metric in the store, as the monitor writes it. */
async function storeIncident(kv: SqliteStore, fn: string, service: string, value: number) {
  const key = `${TENANT}|rule-${fn}|${fn}`;
  await kv.write({
    [incidentStoreKey(TENANT, key)]: {
      key,
      id: `${key}#1`,
      occurrence: 1,
      tenantId: TENANT,
      fn,
      service,
      state: 'firing',
      openedAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
      lastBreachAt: new Date(NOW.getTime() - 600_000).toISOString(),
      value,
      baseline: 100,
      cardPosted: true,
      history: [],
      version: 1,
    },
  });
}

describe('alerts and history show only the service groups the user may read', () => {
  let kv: SqliteStore;
  beforeEach(async () => {
    kv = new SqliteStore(':memory:');
    await storeIncident(kv, metricsOfService('exchange')[0].fn, 'exchange', 4242);
    await storeIncident(kv, metricsOfService('teams')[0].fn, 'teams', 3131);
  });
  afterEach(() => kv.close());

  const refused = new MissingPermissionError('no role', { tenantId: TENANT, status: 403 }, undefined, []);

  for (const [name, run] of [
    ['alerts', (s: ReturnType<typeof fakeServices>) => handleAlerts(turn(), s)],
    ['history 1d', (s: ReturnType<typeof fakeServices>) => handleHistory(1440, '1 day', turn(), s)],
  ] as const) {
    it(`${name}: a group Graph refuses the user is left out, and the answer says so`, async () => {
      const services = fakeServices(kv, { denied: { exchange: refused } });
      const reply = await run(services);
      assert.doesNotMatch(cardText(reply), /Exchange Online/, 'no Exchange incident');
      assert.match(cardText(reply), /Microsoft Teams/, 'Teams incidents still shown');
      assert.match(reply.text ?? '', /Left out: Exchange Online: your sign-in cannot read this data/);
    });

    it(`${name}: a check that proves nothing hides the group and asks to try again`, async () => {
      const services = fakeServices(kv, {
        denied: { teams: new NetworkError('reset', { tenantId: TENANT }) },
      });
      const reply = await run(services);
      assert.doesNotMatch(cardText(reply), /Microsoft Teams/);
      assert.match(cardText(reply), /Exchange Online/);
      assert.match(reply.text ?? '', /could not be checked just now, try again/);
    });
  }
});
