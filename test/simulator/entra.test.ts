import assert from 'node:assert/strict';
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import jwt from 'jsonwebtoken';
import { authorityMetadataFor, startSimulator, type Simulator } from '../../src/simulator';
import { fnUrl, get } from './helpers';

const TENANT = '72f988bf-0000-4000-8000-00000000beef';
const CLIENT = '0b0b0b0b-1111-4222-8333-444444444444';
const SECRET = 'test-secret';
const EXO = 'ServiceActivity-Exchange.Read.All';
const TEAMS = 'ServiceActivity-Teams.Read.All';
const GRAPH = 'https://graph.microsoft.com';

function msal(sim: Simulator, secret = SECRET): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: CLIENT,
      clientSecret: secret,
      authority: `https://login.microsoftonline.com/${TENANT}`,
      authorityMetadata: authorityMetadataFor(sim.url, TENANT),
    },
    system: { loggerOptions: { logLevel: LogLevel.Error, loggerCallback: () => undefined } },
  });
}

async function token(sim: Simulator, form: Record<string, string>) {
  const res = await fetch(`${sim.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string | number[]> };
}

describe('simulator: Entra emulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({
      clients: { [CLIENT]: { secret: SECRET, grantedAppRoles: [EXO], grantedScopes: [EXO, TEAMS] } },
    });
  });
  after(() => sim.close());

  const window = () => {
    const end = Math.floor(Date.now() / 900_000) * 900_000;
    return [end - 3600_000, end] as const;
  };

  it('serves OpenID configuration and JWKS that verify its tokens', async () => {
    const config = (await get(`${sim.url}/${TENANT}/v2.0/.well-known/openid-configuration`)).body;
    assert.equal(config.token_endpoint, `${sim.url}/${TENANT}/oauth2/v2.0/token`);
    assert.equal(config.issuer, `https://login.microsoftonline.com/${TENANT}/v2.0`);
    const keys = (await get(String(config.jwks_uri))).body.keys as { kid: string; kty: string }[];
    assert.equal(keys[0].kty, 'RSA');
    assert.deepEqual(JSON.parse(authorityMetadataFor(sim.url, TENANT)), config);
  });

  it('issues client-credentials tokens through msal-node with the granted app roles', async () => {
    const result = await msal(sim).acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] });
    assert.ok(result?.accessToken);
    const claims = jwt.decode(result.accessToken) as Record<string, unknown>;
    assert.deepEqual(claims.roles, [EXO]);
    assert.equal(claims.tid, TENANT);
    assert.equal(claims.appid, CLIENT);
    assert.equal(claims.aud, GRAPH);
    const [s, e] = window();
    assert.equal(
      (await get(fnUrl(sim, 'getConnectivityMetricsForExchange', s, e, 15), result.accessToken)).status,
      200,
    );
    const denied = await get(fnUrl(sim, 'getMessageVolumeMetricsForTeamsChat', s, e, 15), result.accessToken);
    assert.equal(denied.status, 403);
    assert.match(JSON.stringify(denied.body), new RegExp(TEAMS.replace(/\./g, '\\.')));
  });

  it('rejects a bad secret with 400 invalid_client in the AAD shape (and msal surfaces it)', async () => {
    const raw = await token(sim, {
      grant_type: 'client_credentials',
      client_id: CLIENT,
      client_secret: 'nope',
      scope: `${GRAPH}/.default`,
    });
    assert.equal(raw.status, 400);
    assert.equal(raw.body.error, 'invalid_client');
    assert.match(String(raw.body.error_description), /^AADSTS7000215: Invalid client secret/);
    assert.deepEqual(raw.body.error_codes, [7000215]);
    await assert.rejects(
      msal(sim, 'nope').acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] }),
      /invalid_client/,
    );
  });

  it('rejects client credentials without /.default and unknown clients', async () => {
    const scope = await token(sim, {
      grant_type: 'client_credentials',
      client_id: CLIENT,
      client_secret: SECRET,
      scope: `${GRAPH}/${EXO}`,
    });
    assert.equal(scope.body.error, 'invalid_scope');
    const unknown = await token(sim, {
      grant_type: 'client_credentials',
      client_id: 'who',
      client_secret: 'x',
      scope: `${GRAPH}/.default`,
    });
    assert.equal(unknown.body.error, 'unauthorized_client');
    assert.match(String(unknown.body.error_description), /AADSTS700016/);
  });

  it('redeems a user assertion on-behalf-of through msal-node: scp = granted ∩ requested, account from id_token', async () => {
    const assertion = sim.issueUserAssertion({
      tenantId: TENANT,
      oid: 'user-oid-1',
      name: 'Ada Admin',
      upn: 'ada@contoso.test',
      audience: `api://pulse.example/${CLIENT}`,
    });
    const app = msal(sim);
    const request = { oboAssertion: assertion, scopes: [`${GRAPH}/${EXO}`, `${GRAPH}/Mail.Send`] };
    const first = await app.acquireTokenOnBehalfOf(request);
    assert.ok(first?.accessToken);
    const claims = jwt.decode(first.accessToken) as Record<string, unknown>;
    assert.equal(claims.scp, EXO);
    assert.equal(claims.roles, undefined);
    assert.equal(claims.tid, TENANT);
    assert.equal(claims.oid, 'user-oid-1');
    assert.equal(claims.name, 'Ada Admin');
    assert.equal(claims.preferred_username, 'ada@contoso.test');
    assert.equal(first.account?.username, 'ada@contoso.test');
    assert.equal(first.account?.homeAccountId, `user-oid-1.${TENANT}`);
    // msal caches what was granted (the response `scope`), so asking for just that now comes from the cache.
    const second = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [`${GRAPH}/${EXO}`] });
    assert.equal(second?.fromCache, true);
    assert.equal(second?.accessToken, first.accessToken);
    const [s, e] = window();
    const res = await get(fnUrl(sim, 'getMessageVolumeMetricsForEmailDelivery', s, e, 15), first.accessToken);
    assert.equal(res.status, 200);
    const logged = sim.requestLog.filter((r) => r.kind === 'graph').at(-1);
    assert.equal(logged?.scp, EXO);
  });

  it('refuses an assertion meant for another client, a forged one and one without consented scopes', async () => {
    const other = sim.issueUserAssertion({
      tenantId: TENANT,
      oid: 'u',
      name: 'U',
      upn: 'u@x',
      audience: 'someone-else',
    });
    const base = {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: CLIENT,
      client_secret: SECRET,
    };
    const wrongAud = await token(sim, { ...base, assertion: other, scope: `${GRAPH}/${EXO}` });
    assert.equal(wrongAud.body.error, 'invalid_grant');
    assert.match(String(wrongAud.body.error_description), /AADSTS50013: Assertion audience does not match/);
    const good = sim.issueUserAssertion({ tenantId: TENANT, oid: 'u', name: 'U', upn: 'u@x' });
    const forged = `${good.slice(0, good.lastIndexOf('.'))}.AAAA`;
    assert.equal(
      (await token(sim, { ...base, assertion: forged, scope: `${GRAPH}/${EXO}` })).body.error,
      'invalid_grant',
    );
    const noConsent = await token(sim, { ...base, assertion: good, scope: `${GRAPH}/Mail.Send` });
    assert.equal(noConsent.body.error, 'invalid_grant');
    assert.equal(noConsent.body.suberror, 'consent_required');
  });

  it('returns id_token, refresh_token and client_info, and redeems the refresh token', async () => {
    const assertion = sim.issueUserAssertion({
      tenantId: TENANT,
      oid: 'u2',
      name: 'Bo',
      upn: 'bo@contoso.test',
    });
    const obo = await token(sim, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: CLIENT,
      client_secret: SECRET,
      assertion,
      scope: `${GRAPH}/.default openid profile offline_access`,
      client_info: '1',
    });
    assert.equal(obo.status, 200);
    assert.equal(obo.body.scope, `${GRAPH}/${EXO} ${GRAPH}/${TEAMS}`);
    assert.deepEqual(JSON.parse(Buffer.from(String(obo.body.client_info), 'base64url').toString()), {
      uid: 'u2',
      utid: TENANT,
    });
    assert.equal((jwt.decode(String(obo.body.id_token)) as Record<string, unknown>).aud, CLIENT);
    const refreshed = await token(sim, {
      grant_type: 'refresh_token',
      client_id: CLIENT,
      client_secret: SECRET,
      refresh_token: String(obo.body.refresh_token),
      scope: `${GRAPH}/${TEAMS} offline_access`,
    });
    assert.equal(refreshed.status, 200);
    assert.equal((jwt.decode(String(refreshed.body.access_token)) as Record<string, unknown>).scp, TEAMS);
    const misuse = await token(sim, {
      grant_type: 'refresh_token',
      client_id: CLIENT,
      client_secret: SECRET,
      refresh_token: assertion,
    });
    assert.equal(misuse.body.error, 'invalid_grant');
  });

  it('rejects unsupported grant types', async () => {
    const res = await token(sim, { grant_type: 'password', client_id: CLIENT });
    assert.equal(res.body.error, 'unsupported_grant_type');
  });

  it('issues tokens of a longer lifetime when told, valid on its own clock hours later', async () => {
    let now = Date.parse('2026-11-25T10:00:00Z');
    const long = await startSimulator({
      now: () => new Date(now),
      tokenLifetimeSeconds: 24 * 3600,
      clients: { [CLIENT]: { secret: SECRET, grantedAppRoles: [EXO], grantedScopes: [EXO, TEAMS] } },
    });
    try {
      const res = await token(long, {
        grant_type: 'client_credentials',
        client_id: CLIENT,
        client_secret: SECRET,
        scope: `${GRAPH}/.default`,
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.expires_in, 24 * 3600);
      const claims = jwt.decode(String(res.body.access_token)) as { iat: number; exp: number };
      assert.equal(claims.exp - claims.iat, 24 * 3600);
      now += 3 * 3600_000;
      const end = Math.floor(now / 900_000) * 900_000;
      const fn = 'getMessageVolumeMetricsForEmailDelivery';
      const later = await get(fnUrl(long, fn, end - 3600_000, end), String(res.body.access_token));
      assert.equal(later.status, 200, 'three simulated hours later the token is still accepted');
    } finally {
      await long.close();
    }
  });
});
