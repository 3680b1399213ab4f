import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../src/config/config';
import { parseEnvSample } from './env-sample';
import { placeholdersIn, resolvePlaceholders } from './placeholders';
import { readRepoText } from './repo-files';
import {
  bicepOutputs,
  readToolkitProject,
  STAGES,
  usedBeforeDefined,
  type ToolkitProject,
} from './toolkit-project';

const PROJECTS = [
  { file: 'teamsapp.yml', env: 'dev' },
  { file: 'teamsapp.local.yml', env: 'local' },
] as const;

/** Actions of the Microsoft 365 Agents Toolkit's v1.11 schema that this project uses. */
const CURRENT_ACTIONS = [
  'aadApp/create',
  'aadApp/update',
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'botFramework/create',
  'arm/deploy',
  'cli/runNpmCommand',
  'azureAppService/zipDeploy',
  'file/createOrUpdateEnvironmentFile',
];
/** What the toolkit itself provides before provisioning: the env name, and prompts for subscription and group. */
const TOOLKIT_PROVIDES = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
/** What docs/teams-app.md tells the operator to set before provisioning each environment. */
const OPERATOR_SETS: Record<string, string[]> = {
  dev: ['SECRET_TOKEN_CACHE_KEY'],
  local: ['BOT_ENDPOINT', 'BOT_DOMAIN', 'SECRET_TOKEN_CACHE_KEY'],
};

function envValues(env: string): Record<string, string> {
  return parseEnvSample(readRepoText('env', `.env.${env}`)).values;
}

/** Variables set before provisioning: non-empty env sample values (APP_NAME_SUFFIX may be empty), toolkit, operator. */
function knownBefore(env: string): string[] {
  const declared = Object.entries(envValues(env))
    .filter(([k, v]) => v !== '' || k === 'APP_NAME_SUFFIX')
    .map(([k]) => k);
  return [...declared, ...TOOLKIT_PROVIDES, ...OPERATOR_SETS[env]];
}

describe('Teams Toolkit project files', () => {
  for (const { file, env } of PROJECTS) {
    describe(file, () => {
      const project = readToolkitProject(file);

      it('is a v1.11 Agents Toolkit project reading env/ with the schema comment editors use', () => {
        assert.equal(project.version, 'v1.11');
        assert.equal(project.environmentFolderPath, './env');
        assert.match(
          readRepoText(file),
          /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json\n/,
        );
      });

      it('uses only actions the current templates use (aadApp/create, not botAadApp/create)', () => {
        const uses = STAGES.flatMap((stage) => (project[stage] ?? []).map((a) => a.uses));
        assert.ok(!uses.includes('botAadApp/create'));
        for (const action of uses) assert.ok(CURRENT_ACTIONS.includes(action), `${file} uses ${action}`);
      });

      it('mentions every placeholder the app manifest uses', () => {
        const text = readRepoText(file);
        for (const name of placeholdersIn(readRepoText('appPackage', 'manifest.json'))) {
          assert.ok(text.includes(name), `${file} never mentions ${name}`);
        }
      });

      it(`defines every placeholder before an action uses it, starting from env/.env.${env}`, () => {
        assert.deepEqual(usedBeforeDefined(project, knownBefore(env)), []);
      });

      it('validates, zips and updates the app package when it provisions (and publishes)', () => {
        for (const stage of env === 'dev' ? (['provision', 'publish'] as const) : (['provision'] as const)) {
          const uses = (project[stage] ?? []).map((a) => a.uses);
          const order = [
            'teamsApp/validateManifest',
            'teamsApp/zipAppPackage',
            'teamsApp/validateAppPackage',
            'teamsApp/update',
          ];
          assert.deepEqual(
            uses.filter((u) => order.includes(u)),
            order,
            stage,
          );
        }
      });
    });
  }

  it('catches a placeholder used before provision defines it', () => {
    const project = readToolkitProject('teamsapp.yml');
    const provision = project.provision ?? [];
    const update = provision.findIndex((a) => a.uses === 'aadApp/update');
    const reordered: ToolkitProject = {
      ...project,
      provision: [provision[update], ...provision.filter((_, i) => i !== update)],
    };

    const problems = usedBeforeDefined(reordered, knownBefore('dev'));

    assert.deepEqual(
      problems
        .filter((p) => p.uses === 'aadApp/update')
        .map((p) => p.name)
        .sort(),
      ['AAD_APP_CLIENT_ID', 'AAD_APP_OBJECT_ID', 'BOT_DOMAIN', 'BOT_ID'],
    );
  });

  it('teamsapp.yml provisions Azure from infra/azure.bicep and zip-deploys to the web app it creates', () => {
    const project = readToolkitProject('teamsapp.yml');
    const arm = (project.provision ?? []).find((a) => a.uses === 'arm/deploy');
    assert.deepEqual(arm?.with?.templates, [
      {
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
        deploymentName: 'Create-resources-for-m365-pulse',
      },
    ]);
    const deploy = (project.deploy ?? []).map((a) => [a.uses, a.with?.args ?? a.with?.resourceId]);
    assert.deepEqual(deploy, [
      ['cli/runNpmCommand', 'install --no-audit --no-fund'],
      ['cli/runNpmCommand', 'run build'],
      ['azureAppService/zipDeploy', '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}'],
    ]);
  });

  it('teamsapp.yml creates no bot app or password: BOT_ID is the managed identity infra/azure.bicep outputs', () => {
    const project = readToolkitProject('teamsapp.yml');
    const written = (project.provision ?? []).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    assert.ok(!written.includes('BOT_ID'));
    assert.ok(!written.includes('SECRET_BOT_PASSWORD'));
    assert.ok(bicepOutputs(readRepoText('infra', 'azure.bicep')).includes('BOT_ID'));
    assert.doesNotMatch(readRepoText('infra', 'azure.parameters.json'), /BOT_PASSWORD|BOT_ID/);
  });

  it("teamsapp.local.yml creates the bot's multi-tenant app with aadApp/create, then registers it", () => {
    const provision = readToolkitProject('teamsapp.local.yml').provision ?? [];
    const botApp = provision.findIndex((a) => a.writeToEnvironmentFile?.clientId === 'BOT_ID');
    assert.equal(provision[botApp]?.uses, 'aadApp/create');
    assert.equal(provision[botApp]?.with?.signInAudience, 'AzureADMultipleOrgs');
    assert.equal(provision[botApp]?.with?.generateClientSecret, true);
    assert.equal(provision[botApp]?.writeToEnvironmentFile?.clientSecret, 'SECRET_BOT_PASSWORD');
    assert.ok(botApp < provision.findIndex((a) => a.uses === 'botFramework/create'));
  });

  it('teamsapp.local.yml registers the tunnel endpoint with the Teams channel', () => {
    const project = readToolkitProject('teamsapp.local.yml');
    const registration = (project.provision ?? []).find((a) => a.uses === 'botFramework/create');
    assert.equal(registration?.with?.botId, '${{BOT_ID}}');
    assert.equal(registration?.with?.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
    assert.deepEqual(registration?.with?.channels, [{ name: 'msteams' }]);
  });

  it('teamsapp.local.yml writes a .localConfigs the bot accepts as a production configuration', () => {
    const project = readToolkitProject('teamsapp.local.yml');
    const write = (project.deploy ?? []).find((a) => a.uses === 'file/createOrUpdateEnvironmentFile');
    assert.equal(write?.with?.target, './.localConfigs');
    const tenant = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
    const botId = '0b5e2f71-8c9d-4e0a-b1c2-d3e4f5a6b7c8';
    const values: Record<string, string> = {
      ...envValues('local'),
      BOT_ENDPOINT: 'https://abcd1234-3978.euw.devtunnels.ms',
      BOT_DOMAIN: 'abcd1234-3978.euw.devtunnels.ms',
      SECRET_TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
      BOT_ID: botId,
      SECRET_BOT_PASSWORD: 'bot-password-from-provision',
      AAD_APP_CLIENT_ID: 'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
      SECRET_AAD_APP_CLIENT_SECRET: 'aad-secret-from-provision',
      AAD_APP_TENANT_ID: tenant,
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
    };
    const envs = Object.entries((write?.with?.envs ?? {}) as Record<string, string>).map(([k, v]) => {
      const { text, unresolved } = resolvePlaceholders(String(v), values);
      assert.deepEqual(unresolved, [], `.localConfigs ${k}`);
      return [k, text];
    });

    const config = parseConfig(Object.fromEntries(envs));

    assert.equal(config.demo, false);
    assert.equal(config.bot.id, botId);
    assert.equal(config.bot.type, 'MultiTenant');
    assert.equal(config.bot.password, 'bot-password-from-provision');
    assert.deepEqual(config.allowedTenants, [tenant]);
    assert.equal(config.aad.clientSecret, 'aad-secret-from-provision');
    assert.ok(config.tokenCacheKey);
  });

  it('docs/teams-app.md tells the operator about every variable they set before provisioning', () => {
    const docs = readRepoText('docs', 'teams-app.md');
    for (const name of new Set(Object.values(OPERATOR_SETS).flat())) assert.ok(docs.includes(name), name);
  });
});
