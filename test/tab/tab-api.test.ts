import assert from 'node:assert/strict';
import { createSigningKey, sharedSigningKey, signJwt } from '../../src/simulator/entra/keys';
import type { Simulator } from '../../src/simulator';
import { ADELE, TENANT } from '../helpers/activities';
import type { Harness } from '../helpers/bot-harness';
import { APP_ID_URI, BOT_ID, CLIENT_ID, startProductionTab, type ProductionTab } from './production-tab';

interface TabMetricJson {
  value?: number;
}
interface Body {
  error: { code: string; message: string };
  groups?: { id: string; state: string; reason: string; metrics: TabMetricJson[] }[];
  botId?: string;
  range?: string;
  times: number[];
  values: (number | null)[];
  lastWeek: (number | null)[];
  baseline: (number | null)[];
}

const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';

describe('Tab API in production mode: Teams SSO tokens checked against a local OpenID issuer', function () {
  this.timeout(30_000);
  let tab: ProductionTab;
  let h: Harness;

  before(async () => {
    tab = await startProductionTab();
    ({ h } = tab);
  });
  after(async () => {
    await tab?.stop();
  });

  const user = (over: Partial<Parameters<Simulator['issueUserAssertion']>[0]> = {}) => tab.ssoToken(over);
  const get = async (path: string, token?: string) => {
    const res = await fetch(`${h.bot.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { res, body: (await res.json()) as Body };
  };
  /** Claims as Entra v2 puts them in a Teams SSO token, signed with the issuer's own key unless told otherwise. */
  const forged = (claims: Record<string, unknown>, key = sharedSigningKey()) => {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(key, {
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid: ADELE.aadObjectId,
      iat: now,
      nbf: now,
      exp: now + 3600,
      ...claims,
    });
  };

  it('answers 401 with WWW-Authenticate when there is no token', async () => {
    const { res, body } = await get('/api/tab/overview');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.match(body.error.message, /No Teams SSO token/);
  });

  const refused: [string, () => string, number, RegExp][] = [
    ['an expired token', () => user({ expiresInSeconds: -120 }), 401, /expired/],
    [
      'a token for another application',
      () => user({ audience: 'api://someone-else.example.com/botid-x' }),
      401,
      /another application/,
    ],
    [
      'a token of another issuer',
      () => forged({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
      401,
      /iss/,
    ],
    ['an Entra v1 token', () => forged({ iss: `https://sts.windows.net/${TENANT}/` }), 401, /iss/],
    ['a token signed with another key', () => forged({}, createSigningKey()), 401, /signature/],
    ['a token with no tenant', () => forged({ tid: undefined }), 401, /tenant/],
    ['not a JWT', () => 'not-a-token', 401, /not a JWT/],
    [
      'a valid token of a tenant this app does not serve',
      () => user({ tenantId: OTHER_TENANT }),
      403,
      /ALLOWED_TENANTS/,
    ],
  ];
  for (const [what, token, status, reason] of refused) {
    it(`refuses ${what} with ${status}`, async () => {
      for (const path of ['/api/tab/overview', '/api/tab/metrics/mail-delivery?range=6h']) {
        const { res, body } = await get(path, token());
        assert.equal(res.status, status, path);
        assert.match(body.error.message, reason);
        assert.equal(body.groups, undefined);
      }
    });
  }

  it('serves a valid token the service groups Graph lets this user read, and says why for the others', async () => {
    const { res, body } = await get('/api/tab/overview', user());
    assert.equal(res.status, 200);
    const groups = new Map(body.groups!.map((g) => [g.id, g]));
    for (const id of ['exchange', 'teams']) {
      assert.notEqual(groups.get(id)?.state, 'notPermitted', id);
      assert.ok(
        groups.get(id)!.metrics.some((m) => typeof m.value === 'number'),
        `${id} has numbers`,
      );
    }
    for (const id of ['onedrive', 'web', 'entra', 'networkAccess']) {
      const g = groups.get(id)!;
      assert.equal(g.state, 'notPermitted', id);
      assert.ok(
        g.metrics.every((m) => m.value === undefined),
        `${id} shows no numbers`,
      );
      assert.match(g.reason, /permission|ServiceActivity|Reports\.Read\.All/i);
    }
    assert.equal(body.botId, BOT_ID);
  });

  it('accepts the app ID URI audience and serves a chart: this period, last week and the baseline', async () => {
    const { res, body } = await get(
      '/api/tab/metrics/mail-delivery?range=24h',
      user({ audience: APP_ID_URI }),
    );
    assert.equal(res.status, 200);
    assert.equal(body.range, '24h');
    assert.equal(body.times.length, 96);
    assert.equal(body.values.length, 96);
    assert.ok(body.values.filter((v) => v !== null).length > 90);
    assert.ok(body.lastWeek.some((v) => v !== null));
    assert.ok(body.baseline.some((v) => v !== null));
  });

  it("refuses a metric of a group Graph denies this user, with Graph's reason", async () => {
    const { res, body } = await get('/api/tab/metrics/mfa-success?range=6h', user());
    assert.equal(res.status, 403);
    assert.equal(body.error.code, 'notPermitted');
    assert.match(body.error.message, /Reports\.Read\.All/);
  });

  it('answers bad requests clearly', async () => {
    const token = user();
    assert.equal((await get('/api/tab/metrics/mail-delivery?range=2h', token)).res.status, 400);
    assert.equal((await get('/api/tab/metrics/no-such-metric', token)).res.status, 404);
    assert.equal((await get('/api/tab/overview?service=nope', token)).res.status, 400);
  });

  it('rate-limits each user on their own (429 with Retry-After), not their colleagues', async () => {
    const busy = user({ oid: '00000000-0000-4000-8000-00000000b001' });
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++)
      statuses.push((await get('/api/tab/metrics/no-such-metric', busy)).res.status);
    assert.equal(statuses.filter((s) => s === 404).length >= 60, true);
    const limited = await get('/api/tab/metrics/no-such-metric', busy);
    assert.equal(limited.res.status, 429);
    assert.ok(Number(limited.res.headers.get('retry-after')) >= 1);
    const colleague = user({ oid: '00000000-0000-4000-8000-00000000b002' });
    assert.equal((await get('/api/tab/metrics/no-such-metric', colleague)).res.status, 404);
  });

  it('never logs a token', async () => {
    const token = user();
    await get('/api/tab/overview', token);
    await get('/api/tab/overview', user({ expiresInSeconds: -120 }));
    const log = h.logs.lines.join('\n');
    assert.equal(log.includes(token.split('.')[2]), false);
    assert.doesNotMatch(log, /eyJ[\w-]+\.eyJ/);
  });
});
