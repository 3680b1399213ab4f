import assert from 'node:assert/strict';
import { parseConfig } from '../../src/config/config';

import { BOT_ID, TENANT, prod, refuses } from './prod-env';

describe('config', () => {
  it('defaults to demo mode on loopback with the embedded store', () => {
    const c = parseConfig({});
    assert.equal(c.demo, true);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3978);
    assert.equal(c.storePath, './data/pulse.db');
    assert.equal(c.graphBaseUrl, 'https://graph.microsoft.com');
    assert.deepEqual(c.allowedTenants, []);
    assert.equal(c.botFrameworkAuth.MicrosoftAppId, '');
  });

  it('treats empty values as unset (Teams Toolkit writes empty keys)', () => {
    const c = parseConfig({
      AAD_APP_OAUTH_AUTHORITY_HOST: '',
      GRAPH_BASE_URL: ' ',
      STORE_PATH: '',
      PORT: '',
      BOT_ID: '',
    });
    assert.equal(c.aad.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(c.graphBaseUrl, 'https://graph.microsoft.com');
    assert.equal(c.storePath, './data/pulse.db');
    assert.equal(c.demo, true);
  });

  it('runs as a production bot when BOT_ID is set: all interfaces, auth on, tenants lower-cased', () => {
    const c = parseConfig({ ...prod, ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} ,${TENANT}`, PORT: '8080' });
    assert.equal(c.demo, false);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.port, 8080);
    assert.deepEqual(c.allowedTenants, [TENANT, TENANT]);
    assert.equal(c.botFrameworkAuth.MicrosoftAppId, BOT_ID);
  });

  it('names the variable for every wrong value', () => {
    refuses({ PORT: 'abc' }, 'PORT', /port number.*got "abc"/);
    refuses({ PORT: '70000' }, 'PORT', /0 to 65535/);
    refuses({ BOT_ID: 'my-bot' }, 'BOT_ID', /GUID/);
    refuses({ ...prod, BOT_TYPE: 'Single' }, 'BOT_TYPE', /MultiTenant.*SingleTenant.*UserAssignedMsi/);
    refuses({ GRAPH_BASE_URL: 'graph.local' }, 'GRAPH_BASE_URL', /http\(s\) URL/);
    refuses({ ALLOWED_TENANTS: 'contoso.com' }, 'ALLOWED_TENANTS', /tenant id GUIDs/);
    refuses({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /info/);
    refuses({ MSAL_AUTHORITY_METADATA: '{nope' }, 'MSAL_AUTHORITY_METADATA', /JSON object/);
    refuses({ ValidateAuthority: 'yes' }, 'ValidateAuthority', /true or false/);
  });

  it('names the missing variable for every incomplete combination', () => {
    refuses({ BOT_ID }, 'BOT_PASSWORD', /required when BOT_ID is set/);
    refuses({ ...prod, BOT_TYPE: 'SingleTenant' }, 'BOT_TENANT_ID', /required when BOT_TYPE is SingleTenant/);
    refuses({ BOT_ID, BOT_PASSWORD: 'x' }, 'ALLOWED_TENANTS', /required when BOT_ID is set/);
    refuses({ BOT_PASSWORD: 'x' }, 'BOT_ID', /required when BOT_PASSWORD is set/);
    for (const v of [
      'AAD_APP_CLIENT_ID',
      'AAD_APP_CLIENT_SECRET',
      'AAD_APP_TENANT_ID',
      'TOKEN_CACHE_KEY',
    ] as const) {
      const env: Record<string, string> = { ...prod };
      delete env[v];
      refuses(env, v, /required when BOT_ID is set/);
    }
    refuses({ ...prod, DEMO_IDENTITY: 'true' }, 'DEMO_IDENTITY', /only allowed in demo mode/);
    refuses({ DEMO_IDENTITY: 'true' }, 'DEMO_IDENTITY', /GRAPH_BASE_URL on this machine/);
    refuses(
      { DEMO_IDENTITY: 'true', GRAPH_BASE_URL: 'http://127.0.0.1:1' },
      'AAD_APP_CLIENT_ID',
      /DEMO_IDENTITY/,
    );
    refuses({ TOKEN_CACHE_KEY: 'short' }, 'TOKEN_CACHE_KEY', /32 random bytes/);
    refuses(
      { ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/openid' },
      'ToBotFromChannelTokenIssuer',
      /botbuilder drops every default/,
    );
  });

  it('never echoes a secret value in the error', () => {
    assert.throws(
      () => parseConfig({ ...prod, MSAL_AUTHORITY_METADATA: 'x', BOT_PASSWORD: 'hunter2-super-secret' }),
      (err: Error) => !err.message.includes('hunter2'),
    );
    assert.throws(
      () => parseConfig({ TOKEN_CACHE_KEY: 'k', BOT_PASSWORD: 'hunter2-super-secret' }),
      (err: Error) => !err.message.includes('hunter2'),
    );
  });

  it('passes the Bot Framework overrides through when the full set is given', () => {
    const overrides = {
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4100/openid',
      ToBotFromEmulatorOpenIdMetadataUrl: 'http://127.0.0.1:4100/openid',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'http://127.0.0.1:4100/oauth',
      ValidateAuthority: 'false',
    };
    const c = parseConfig({ ...prod, ...overrides });
    for (const [k, v] of Object.entries(overrides)) {
      assert.equal(c.botFrameworkAuth[k], k === 'ValidateAuthority' ? false : v, k);
    }
    assert.equal(c.botFrameworkAuth.CallerId, 'urn:botframework:azure');
  });
});
