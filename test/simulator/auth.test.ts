import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Simulator } from '../../src/simulator';
import { APP, appToken, fnUrl, get, startTestSim, T0, TENANT } from './helpers';

const HOUR = 3600_000;
const H8 = Date.parse('2026-11-25T08:00:00Z');

describe('simulator: bearer token checks', () => {
  let sim: Simulator;
  let clock: { ms: number };
  beforeEach(async () => {
    ({ sim, clock } = await startTestSim());
  });
  afterEach(() => sim.close());

  const url = () => fnUrl(sim, 'getConnectivityMetricsForExchange', H8, H8 + HOUR, 15);

  async function expect401(token: string | undefined, pattern: RegExp) {
    const res = await get(url(), token);
    assert.equal(res.status, 401);
    const error = res.body.error;
    assert.ok(error && typeof error === 'object');
    assert.equal(error.code, 'InvalidAuthenticationToken');
    assert.match(error.message, pattern);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /);
  }

  it('accepts an emulator-issued app token', async () => {
    assert.equal((await get(url(), appToken(sim))).status, 200);
  });

  it('rejects a missing token', () => expect401(undefined, /Access token is empty/));

  it('rejects a token signed by another key with the same kid', async () => {
    const good = appToken(sim);
    const { kid } = jwt.decode(good, { complete: true })?.header ?? {};
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = jwt.sign(jwt.decode(good) as object, privateKey, { algorithm: 'RS256', keyid: kid });
    await expect401(forged, /Invalid signature/);
  });

  it('rejects alg=none and garbage', async () => {
    const unsigned = jwt.sign(jwt.decode(appToken(sim)) as object, '', { algorithm: 'none' });
    await expect401(unsigned, /validation failure/);
    await expect401('not-a-jwt', /not a well-formed JWT/);
  });

  it('rejects an expired token by the simulator clock', async () => {
    const token = sim.issueGraphToken({
      tenantId: TENANT,
      appId: APP,
      roles: ['Reports.Read.All'],
      expiresInSeconds: 60,
    });
    clock.ms = T0 + 61_000;
    await expect401(token, /expired or is not yet valid/);
  });

  it('rejects a token for another audience (a user assertion is not a Graph token)', async () => {
    const assertion = sim.issueUserAssertion({
      tenantId: TENANT,
      oid: 'u1',
      name: 'Ada',
      upn: 'ada@contoso.test',
    });
    await expect401(assertion, /Invalid audience/);
  });

  it('answers 403 naming the permission when an app token lacks the role', async () => {
    const res = await get(url(), appToken(sim, ['ServiceActivity-Teams.Read.All']));
    assert.equal(res.status, 403);
    const error = res.body.error;
    assert.ok(error && typeof error === 'object');
    assert.equal(error.code, 'Authorization_RequestDenied');
    assert.match(error.message, /ServiceActivity-Exchange\.Read\.All/);
    assert.match(error.message, /application role \(roles\)/);
  });

  it('checks delegated tokens by scp, not roles', async () => {
    const teamsOnly = sim.issueGraphToken({
      tenantId: TENANT,
      appId: APP,
      scp: ['ServiceActivity-Teams.Read.All'],
    });
    const denied = await get(fnUrl(sim, 'getMetricsForSamlSignInSuccess', H8, H8 + HOUR, 15), teamsOnly);
    assert.equal(denied.status, 403);
    assert.match(JSON.stringify(denied.body), /Reports\.Read\.All permission as a delegated scope \(scp\)/);
    const allowed = await get(
      fnUrl(sim, 'getMessageVolumeMetricsForTeamsChat', H8, H8 + HOUR, 15),
      teamsOnly,
    );
    assert.equal(allowed.status, 200);
  });

  it('uses the tid claim to pick the tenant data', async () => {
    const fn = 'getMessageVolumeMetricsForEmailDelivery';
    const a = await get(fnUrl(sim, fn, H8, H8 + HOUR, 15), appToken(sim, undefined, 'tenant-a'));
    const b = await get(fnUrl(sim, fn, H8, H8 + HOUR, 15), appToken(sim, undefined, 'tenant-b'));
    assert.notDeepEqual(a.body.value, b.body.value);
    const log = sim.requestLog.filter((r) => r.kind === 'graph').map((r) => r.tenant);
    assert.deepEqual(log, ['tenant-a', 'tenant-b']);
  });

  it('serves anonymous calls for the default tenant when auth is off, but still rejects bad tokens', async () => {
    const open = await startTestSim({ requireAuth: false });
    try {
      const u = fnUrl(open.sim, 'getConnectivityMetricsForExchange', H8, H8 + HOUR, 15);
      assert.equal((await get(u)).status, 200);
      assert.equal((await get(u, 'garbage')).status, 401);
    } finally {
      await open.sim.close();
    }
  });

  it('logs claims but never the token', async () => {
    const token = appToken(sim);
    await get(url(), token);
    const [entry] = sim.requestLog;
    assert.equal(entry.appId, APP);
    assert.ok(entry.roles?.includes('ServiceActivity-Exchange.Read.All'));
    assert.ok(!JSON.stringify(sim.requestLog).includes(token.split('.')[2]));
  });
});
