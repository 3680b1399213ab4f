import assert from 'node:assert/strict';
import { AuthError } from '@azure/msal-node';
import { msalReason } from '../../src/cli/app-token';
import { resolveConnection, tenantOfToken } from '../../src/cli/connection';
import { exitFor, oneLine } from '../../src/cli/exit-status';
import { RunError, UsageError } from '../../src/cli/usage-error';
import { MissingPermissionError, ServiceError } from '../../src/graph/errors';
import { WindowError } from '../../src/domain/window';

const jwt = (claims: object) =>
  `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = { AAD_APP_CLIENT_ID: 'id', AAD_APP_CLIENT_SECRET: 'secret' };

describe('cli/connection (pure)', () => {
  it('tenantOfToken reads tid and tolerates junk', () => {
    assert.equal(tenantOfToken(jwt({ tid: TID })), TID);
    assert.equal(tenantOfToken(jwt({})), undefined);
    assert.equal(tenantOfToken('not-a-jwt'), undefined);
    assert.equal(tenantOfToken('a.!!!.c'), undefined);
  });

  it('token first (flag over GRAPH_TOKEN), tenant from --tenant, tid, then AAD_APP_TENANT_ID', () => {
    const token = jwt({ tid: TID });
    const cases: [Parameters<typeof resolveConnection>[0], NodeJS.ProcessEnv, object][] = [
      [
        { token },
        {},
        { tenantId: TID, graphBaseUrl: 'https://graph.microsoft.com', auth: { kind: 'token', token } },
      ],
      [{}, { GRAPH_TOKEN: `Bearer ${token}` }, { tenantId: TID, auth: { kind: 'token', token } }],
      [
        { token: 'opaque', tenant: 'contoso.com' },
        { ...APP },
        { tenantId: 'contoso.com', auth: { kind: 'token', token: 'opaque' } },
      ],
      [{ token: 'opaque' }, { AAD_APP_TENANT_ID: 't1' }, { tenantId: 't1' }],
      [
        { token, graph: 'http://127.0.0.1:4300/' },
        { GRAPH_BASE_URL: 'https://x' },
        { graphBaseUrl: 'http://127.0.0.1:4300' },
      ],
      [
        { token },
        { GRAPH_BASE_URL: 'https://graph.microsoft.us/' },
        { graphBaseUrl: 'https://graph.microsoft.us' },
      ],
    ];
    for (const [flags, env, expected] of cases) {
      const got = resolveConnection(flags, env);
      for (const [k, v] of Object.entries(expected))
        assert.deepEqual(got[k as keyof typeof got], v, `${k} ${JSON.stringify(flags)}`);
    }
  });

  it('app-only with the authority overrides', () => {
    const meta = '{"token_endpoint":"http://127.0.0.1/t"}';
    const c = resolveConnection(
      {},
      {
        ...APP,
        AAD_APP_TENANT_ID: TID,
        AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
        MSAL_AUTHORITY_METADATA: meta,
      },
    );
    assert.deepEqual(c, {
      tenantId: TID,
      graphBaseUrl: 'https://graph.microsoft.com',
      auth: {
        kind: 'app',
        app: {
          clientId: 'id',
          clientSecret: 'secret',
          authorityHost: 'https://login.microsoftonline.us',
          authorityMetadata: meta,
          cloudDiscoveryMetadata: undefined,
        },
      },
    });
    assert.equal(
      resolveConnection({ tenant: 'other' }, { ...APP, AAD_APP_TENANT_ID: TID }).tenantId,
      'other',
    );
  });

  it('missing or malformed input is a UsageError naming the flag or variable', () => {
    const cases: [Parameters<typeof resolveConnection>[0], NodeJS.ProcessEnv, RegExp][] = [
      [{}, {}, /No Microsoft Graph credentials/],
      [{}, { AAD_APP_CLIENT_ID: 'id' }, /No Microsoft Graph credentials/],
      [{ token: 'opaque' }, {}, /The token has no tid claim: pass --tenant/],
      [{}, { ...APP }, /App-only access needs a tenant: set AAD_APP_TENANT_ID or pass --tenant/],
      [
        { token: jwt({ tid: TID }), tenant: 'a/b' },
        {},
        /The tenant must be a tenant id \(GUID\) or domain; got 'a\/b'/,
      ],
      [{ token: jwt({ tid: TID }), graph: 'graph.microsoft.com' }, {}, /--graph must be an http\(s\) URL/],
      [
        { token: jwt({ tid: TID }) },
        { GRAPH_BASE_URL: 'ftp://x' },
        /GRAPH_BASE_URL must be an http\(s\) URL/,
      ],
      [
        {},
        { ...APP, AAD_APP_TENANT_ID: 't', MSAL_AUTHORITY_METADATA: '[1]' },
        /MSAL_AUTHORITY_METADATA must be a JSON object/,
      ],
      [
        {},
        { ...APP, AAD_APP_TENANT_ID: 't', MSAL_CLOUD_DISCOVERY_METADATA: 'x' },
        /MSAL_CLOUD_DISCOVERY_METADATA must be/,
      ],
      [
        {},
        { ...APP, AAD_APP_TENANT_ID: 't', AAD_APP_OAUTH_AUTHORITY_HOST: 'login' },
        /AAD_APP_OAUTH_AUTHORITY_HOST must be an http\(s\) URL such as https:\/\/login\.microsoftonline\.com/,
      ],
    ];
    for (const [flags, env, pattern] of cases) {
      assert.throws(
        () => resolveConnection(flags, env, 'status'),
        (e: unknown) => e instanceof UsageError && pattern.test(e.message) && e.command === 'status',
        pattern.source,
      );
    }
  });
});

describe('cli/exit-status and msal reasons (pure)', () => {
  it('maps failures to exit codes and one line, without tokens', () => {
    const token = jwt({ tid: TID });
    const cases: [unknown, number, string][] = [
      [new UsageError('Bad flag.', 'query'), 2, "m365-pulse: Bad flag. See 'm365-pulse query --help'."],
      [new UsageError('Bad command.'), 2, "m365-pulse: Bad command. See 'm365-pulse --help'."],
      [new WindowError('end', 'The end is wrong.', 'x'), 2, 'm365-pulse: The end is wrong. Example: x.'],
      [new MissingPermissionError('Missing P.', { tenantId: 't' }, 'P', []), 1, 'm365-pulse: Missing P.'],
      [new ServiceError(`Broke\nbadly ${token}`, { tenantId: 't' }), 1, 'm365-pulse: Broke badly [redacted]'],
      [new RunError('Port taken.'), 1, 'm365-pulse: Port taken.'],
      [new Error('boom'), 1, 'm365-pulse: unexpected error: boom'],
      ['text', 1, 'm365-pulse: unexpected error: text'],
    ];
    for (const [error, code, line] of cases) assert.deepEqual(exitFor(error), { code, line });
    assert.equal(oneLine('  a \r\n  b  '), 'a b');
  });

  it('msalReason keeps the code and the AADSTS sentence, not timestamps or trace ids', () => {
    const e = new AuthError(
      'invalid_client',
      'Error(s): 7000215 - Timestamp: 2024-10-02 10:00:00Z - Description: AADSTS7000215: Invalid client secret provided. Ensure the secret. Trace ID: abc - Correlation ID: def',
    );
    assert.equal(msalReason(e), 'invalid_client: AADSTS7000215: Invalid client secret provided.');
    assert.equal(
      msalReason(new AuthError('network_error', 'Network request failed. Retry later.')),
      'network_error: Network request failed.',
    );
    assert.equal(msalReason(new Error('plain\nfailure')), 'plain failure');
  });
});
