import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../src/config/config';
import { envSchema } from '../../src/config/schema';
import { bicepAppSettings, bicepParams, evaluate } from './bicep-subset';
import { parseEnvSample } from './env-sample';
import { resolvePlaceholders } from './placeholders';
import { readRepoJson, readRepoText } from './repo-files';

/** Config variables deliberately not set in Azure, and why. */
const NOT_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets it for the Node container',
  HOST: 'defaults to 0.0.0.0 when BOT_ID is set',
  DEMO_IDENTITY: 'demo mode only',
  MSAL_AUTHORITY_METADATA: 'offline tests and sovereign clouds only',
  MSAL_CLOUD_DISCOVERY_METADATA: 'offline tests and sovereign clouds only',
  ToBotFromChannelOpenIdMetadataUrl: 'Bot Framework override, offline tests only',
  ToBotFromChannelTokenIssuer: 'Bot Framework override, offline tests only',
  ToChannelFromBotLoginUrl: 'Bot Framework override, offline tests only',
  ToChannelFromBotOAuthScope: 'Bot Framework override, offline tests only',
  ToBotFromEmulatorOpenIdMetadataUrl: 'Bot Framework override, offline tests only',
  OAuthUrl: 'Bot Framework override, offline tests only',
  CallerId: 'Bot Framework override, offline tests only',
  ValidateAuthority: 'Bot Framework override, offline tests only',
  STORE:
    'one instance uses SQLite on the persistent share; docs/deploy.md switches to azure-blob for several',
  AZURE_STORAGE_CONNECTION_STRING: 'scale-out only (docs/deploy.md); a managed identity is preferred',
  AZURE_STORAGE_ACCOUNT_URL: 'scale-out only (docs/deploy.md)',
  AZURE_STORAGE_CONTAINER: 'scale-out only; defaults to m365-pulse',
  AZURE_CLIENT_ID: 'scale-out with a user-assigned managed identity only',
  MONITOR_PARTITIONS: 'the default (32) fits; scale-out only',
  LEASE_SECONDS: 'the default (30) fits; scale-out only',
  MONITOR_CYCLE_SECONDS: 'the default (300 s) is the documented cycle',
};
/** App Service's own settings, not the bot's. */
const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

const bicep = readRepoText('infra', 'azure.bicep');
const params = bicepParams(bicep);
const settings = bicepAppSettings(bicep);
const parametersTemplate = readRepoText('infra', 'azure.parameters.json');
const passedNames = Object.keys(
  readRepoJson<{ parameters: Record<string, unknown> }>('infra', 'azure.parameters.json').parameters,
);

describe('infra/azure.bicep and azure.parameters.json', () => {
  it('gets every parameter without a default from the parameters file, and no unknown parameter', () => {
    const required = [...params].filter(([, fallback]) => fallback === undefined).map(([name]) => name);
    for (const name of required)
      assert.ok(passedNames.includes(name), `azure.parameters.json misses ${name}`);
    for (const name of passedNames) assert.ok(params.has(name), `azure.bicep has no parameter ${name}`);
  });

  it('sets every config variable as an app setting unless it is listed as not for Azure', () => {
    const configKeys = Object.keys(envSchema.shape);
    for (const key of configKeys) {
      assert.ok(
        settings.has(key) || key in NOT_IN_AZURE,
        `${key} is neither an app setting nor in NOT_IN_AZURE`,
      );
      assert.ok(
        !(settings.has(key) && key in NOT_IN_AZURE),
        `${key} is set in Azure but listed as not for Azure`,
      );
    }
    for (const key of settings.keys()) {
      assert.ok(
        configKeys.includes(key) || PLATFORM_SETTINGS.includes(key),
        `app setting ${key} is no config variable`,
      );
    }
  });

  it('gives the web app settings the bot accepts as a production configuration', () => {
    const tenant = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
    const host = 'pulse-dev-a1b2c3.azurewebsites.net';
    const provisioned: Record<string, string> = {
      ...parseEnvSample(readRepoText('env', '.env.dev')).values,
      BOT_ID: '0b5e2f71-8c9d-4e0a-b1c2-d3e4f5a6b7c8',
      SECRET_BOT_PASSWORD: 'bot-password-from-provision',
      AAD_APP_CLIENT_ID: 'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
      SECRET_AAD_APP_CLIENT_SECRET: 'aad-secret-from-provision',
      AAD_APP_TENANT_ID: tenant,
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      SECRET_TOKEN_CACHE_KEY: randomBytes(32).toString('hex'),
    };
    const { text, unresolved } = resolvePlaceholders(parametersTemplate, provisioned);
    assert.deepEqual(unresolved, []);
    const passed = Object.fromEntries(
      Object.entries(JSON.parse(text).parameters as Record<string, { value: string }>).map(([k, v]) => [
        k,
        v.value,
      ]),
    );
    const env = Object.fromEntries(
      [...settings].map(([key, expr]) => [
        key,
        evaluate(expr, params, passed, { 'webApp.properties.defaultHostName': host }),
      ]),
    );

    const config = parseConfig(env);

    assert.equal(config.demo, false);
    assert.equal(config.bot.type, 'SingleTenant');
    assert.equal(config.bot.tenantId, tenant);
    assert.equal(config.bot.domain, host);
    assert.deepEqual(config.allowedTenants, [tenant]);
    assert.equal(config.storePath, '/home/data/pulse.db');
    assert.equal(config.graphBaseUrl, 'https://graph.microsoft.com');
  });

  it('registers the bot on the web app with the Teams channel, and runs the bot rather than the demo', () => {
    assert.match(bicep, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    assert.match(bicep, /msaAppId: botAadAppClientId/);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
    assert.match(bicep, /linuxFxVersion: 'NODE\|20-lts'/);
    assert.match(bicep, /appCommandLine: 'node dist\/src\/index\.js'/);
  });

  it('evaluates only expressions it understands', () => {
    assert.throws(() => evaluate("concat('a', 'b')", params, {}), /cannot evaluate Bicep expression: concat/);
    assert.throws(
      () => evaluate('botAadAppClientId', params, {}),
      /botAadAppClientId has no value and no default/,
    );
  });
});
