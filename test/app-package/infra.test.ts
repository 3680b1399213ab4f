import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../src/config/config';
import { envSchema } from '../../src/config/schema';
import {
  bicepAppSettings,
  bicepParams,
  bicepProperty,
  bicepResources,
  evaluate,
  keyVaultReferenceTo,
  secureParams,
} from './bicep-subset';
import { parseEnvSample } from './env-sample';
import { resolvePlaceholders } from './placeholders';
import { readRepoJson, readRepoText } from './repo-files';

/** Config variables deliberately not set in Azure, and why. */
const NOT_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets it for the Node container',
  HOST: 'defaults to 0.0.0.0 when BOT_ID is set',
  DEMO_IDENTITY: 'demo mode only',
  MONITOR_SETTLE_MINUTES: 'the default (10 minutes) fits Graph in Azure; set it only to tune detection',
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
  BOT_PASSWORD: 'the bot authenticates as its user-assigned managed identity: there is no bot password',
  STORE_PATH: 'App Service runs STORE=azure-blob: /home is a network share, unsafe for SQLite WAL',
  AZURE_STORAGE_CONNECTION_STRING: 'the managed identity replaces account keys (shared-key access is off)',
  MONITOR_PARTITIONS: 'the default (32) fits; scale-out only',
  LEASE_SECONDS: 'the default (30) fits; scale-out only',
  GRAPH_BUDGET_INSTANCES: 'the default (1) fits the one instance the template deploys; scale-out only',
  MONITOR_CYCLE_SECONDS: 'the default (300 s) is the documented cycle',
  MONITOR_CONCURRENCY: 'the default (adaptive) learns the level from Graph; set a number only to pin it',
  MONITOR_CONCURRENCY_MAX: 'the default (64) fits an instance of the documented size',
};
/** App Service's own settings, not the bot's. */
const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];
/** Config variables that hold a secret: in Azure each is absent or a Key Vault reference, never a value. */
const SECRET_SETTINGS = [
  'BOT_PASSWORD',
  'AAD_APP_CLIENT_SECRET',
  'TOKEN_CACHE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
];
/** Key Vault Secrets User: get on secret values. */
const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

/** What a deployment of this template would resolve, as a test stands in for Azure. */
const AZURE_REFERENCES = {
  'webApp.properties.defaultHostName': 'pulse-dev-a1b2c3.azurewebsites.net',
  'identity.properties.clientId': '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  'identity.properties.tenantId': 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  'storage.properties.primaryEndpoints.blob': 'https://stabc123.blob.core.windows.net/',
  'stateContainer.name': 'm365-pulse',
  'aadAppClientSecretSecret.properties.secretUri':
    'https://kvabc.vault.azure.net/secrets/aad-app-client-secret',
  'tokenCacheKeySecret.properties.secretUri': 'https://kvabc.vault.azure.net/secrets/token-cache-key',
};

/**
 * Every way an app setting of `text` (a Bicep template) could carry a secret in clear: a secret config variable that
 * is not a Key Vault reference to a secret of the template, or any setting whose expression names a @secure() param.
 */
function secretsInClear(text: string): string[] {
  const secrets = new Set(
    bicepResources(text)
      .filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets')
      .map((r) => r.symbol),
  );
  const problems: string[] = [];
  for (const [key, expr] of bicepAppSettings(text)) {
    for (const param of secureParams(text))
      if (new RegExp(`\\b${param}\\b`).test(expr)) problems.push(`${key} carries @secure() ${param}`);
    if (SECRET_SETTINGS.includes(key) && !secrets.has(keyVaultReferenceTo(expr) ?? ''))
      problems.push(`${key} is not a Key Vault reference`);
  }
  return problems;
}

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
    const tokenCacheKey = randomBytes(32).toString('hex');
    const provisioned: Record<string, string> = {
      ...parseEnvSample(readRepoText('env', '.env.dev')).values,
      AAD_APP_CLIENT_ID: 'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
      SECRET_AAD_APP_CLIENT_SECRET: 'aad-secret-from-provision',
      AAD_APP_TENANT_ID: tenant,
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      SECRET_TOKEN_CACHE_KEY: tokenCacheKey,
    };
    const { text, unresolved } = resolvePlaceholders(parametersTemplate, provisioned);
    assert.deepEqual(unresolved, []);
    const passed = Object.fromEntries(
      Object.entries(JSON.parse(text).parameters as Record<string, { value: string }>).map(([k, v]) => [
        k,
        v.value,
      ]),
    );
    // App Service swaps each @Microsoft.KeyVault(...) setting for the value of the secret it names.
    const vaultSecrets = new Map(
      bicepResources(bicep)
        .filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets')
        .map((r) => [r.symbol, bicepProperty(r, 'value')!]),
    );
    const env = Object.fromEntries(
      [...settings].map(([key, expr]) => {
        const secret = keyVaultReferenceTo(expr);
        const resolved = secret === undefined ? expr : vaultSecrets.get(secret)!;
        return [key, evaluate(resolved, params, passed, AZURE_REFERENCES)];
      }),
    );

    const config = parseConfig(env);

    assert.equal(config.demo, false);
    assert.equal(config.bot.type, 'UserAssignedMsi');
    assert.equal(config.bot.id, AZURE_REFERENCES['identity.properties.clientId']);
    assert.equal(config.bot.password, undefined);
    assert.equal(config.bot.tenantId, tenant);
    assert.equal(config.bot.domain, AZURE_REFERENCES['webApp.properties.defaultHostName']);
    assert.deepEqual(config.allowedTenants, [tenant]);
    assert.equal(config.aad.clientSecret, 'aad-secret-from-provision');
    assert.equal(config.tokenCacheKey, tokenCacheKey);
    assert.equal(config.store.kind, 'azure-blob');
    assert.deepEqual(config.store.azure, {
      connectionString: undefined,
      accountUrl: AZURE_REFERENCES['storage.properties.primaryEndpoints.blob'],
      container: 'm365-pulse',
      clientId: AZURE_REFERENCES['identity.properties.clientId'],
    });
    assert.equal(config.graphBaseUrl, 'https://graph.microsoft.com');
  });

  it('keeps every secret out of app setting values: Key Vault references only', () => {
    assert.deepEqual(secureParams(bicep).sort(), ['aadAppClientSecret', 'tokenCacheKey']);
    assert.deepEqual(secretsInClear(bicep), []);
    const leaky = bicep
      .replace(/^(\s+)TOKEN_CACHE_KEY: .*/m, '$1TOKEN_CACHE_KEY: tokenCacheKey')
      .replace(/^(\s+)GRAPH_BASE_URL: .*/m, "$1GRAPH_BASE_URL: '${graphBaseUrl}?${aadAppClientSecret}'");
    assert.deepEqual(secretsInClear(leaky), [
      'TOKEN_CACHE_KEY carries @secure() tokenCacheKey',
      'TOKEN_CACHE_KEY is not a Key Vault reference',
      'GRAPH_BASE_URL carries @secure() aadAppClientSecret',
    ]);
  });

  it("lets the bot's identity get exactly the secrets its settings reference, and resolves them with it", () => {
    const resources = bicepResources(bicep);
    const webApp = resources.find((r) => r.type === 'Microsoft.Web/sites')!;
    assert.equal(bicepProperty(webApp, 'keyVaultReferenceIdentity'), 'identity.id');
    assert.match(webApp.body, /userAssignedIdentities: \{\n\s*'\$\{identity\.id\}': \{\}/);
    const referenced = [...settings.values()].map(keyVaultReferenceTo).filter((s) => s !== undefined);
    assert.equal(referenced.length, 2);
    const grants = resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments');
    const secretReaders = grants
      .filter((g) => bicepProperty(g, 'roleDefinitionId') === 'keyVaultSecretsUser')
      .map((g) => {
        assert.equal(bicepProperty(g, 'principalId'), 'identity.properties.principalId');
        return bicepProperty(g, 'scope');
      });
    assert.deepEqual(
      secretReaders.sort(),
      referenced.sort(),
      'one get grant per referenced secret, scoped to it',
    );
    assert.match(bicep, new RegExp(`'${KEY_VAULT_SECRETS_USER}'`));
    const vault = resources.find((r) => r.type === 'Microsoft.KeyVault/vaults')!;
    assert.equal(bicepProperty(vault, 'enableRbacAuthorization'), 'true');
  });

  it('runs the bot as a user-assigned managed identity on Azure Blob Storage, with no account keys', () => {
    const resources = bicepResources(bicep);
    const bot = resources.find((r) => r.type === 'Microsoft.BotService/botServices')!;
    assert.equal(bicepProperty(bot, 'msaAppType'), "'UserAssignedMSI'");
    assert.equal(bicepProperty(bot, 'msaAppId'), 'identity.properties.clientId');
    assert.equal(bicepProperty(bot, 'msaAppMSIResourceId'), 'identity.id');
    assert.equal(settings.get('BOT_ID'), 'identity.properties.clientId');
    assert.equal(settings.get('STORE'), "'azure-blob'");
    const storage = resources.find((r) => r.type === 'Microsoft.Storage/storageAccounts')!;
    assert.equal(bicepProperty(storage, 'allowSharedKeyAccess'), 'false');
    const blobRole = resources.find((r) => bicepProperty(r, 'scope') === 'storage')!;
    assert.equal(bicepProperty(blobRole, 'roleDefinitionId'), 'blobDataContributor');
    assert.equal(bicepProperty(blobRole, 'principalId'), 'identity.properties.principalId');
  });

  it('registers the bot on the web app with the Teams channel, and runs the bot rather than the demo', () => {
    assert.match(bicep, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
    assert.match(bicep, /linuxFxVersion: 'NODE\|22-lts'/);
    assert.match(bicep, /appCommandLine: 'node dist\/src\/index\.js'/);
  });

  it('evaluates only expressions it understands', () => {
    assert.throws(() => evaluate("concat('a', 'b')", params, {}), /cannot evaluate Bicep expression: concat/);
    assert.throws(() => evaluate('aadAppClientId', params, {}), /aadAppClientId has no value and no default/);
  });
});
