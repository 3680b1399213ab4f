import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sinon from 'sinon';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { parseEnvSample } from './env-sample';
import { resolvePlaceholders } from './placeholders';
import { readRepoJson, readRepoText } from './repo-files';

/** What provision writes, for the values the env samples leave empty. */
const PROVISIONED = {
  TEAMS_APP_ID: '7a1c0d52-3b4e-4f60-9a8b-1c2d3e4f5a60',
  BOT_ID: '0b5e2f71-8c9d-4e0a-b1c2-d3e4f5a6b7c8',
  AAD_APP_CLIENT_ID: 'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
  BOT_DOMAIN: 'pulse-dev-a1b2c3.azurewebsites.net',
};

interface Command {
  title: string;
  description?: string;
}
interface Bot {
  botId: string;
  scopes: string[];
  isNotificationOnly: boolean;
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: Command[] }[];
}
interface Manifest {
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: unknown[] };
  $schema: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: Bot[];
  permissions: string[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  configurableTabs: { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
}

const COMMANDS = [
  'help',
  'status',
  'show',
  'metrics',
  'board',
  'whoami',
  'signin',
  'signout',
  'subscribe',
  'alerts',
  'incidents',
  'messages',
];
const SHARED_CHAT_FIRST = ['status', 'show', 'board', 'subscribe', 'alerts'];

const template = readRepoText('appPackage', 'manifest.json');
const manifest = JSON.parse(template) as Manifest;

/** The manifest as zipAppPackage renders it for one environment: env sample values, then provisioned ids. */
function rendered(env: string): AppManifest {
  const values = { ...PROVISIONED, ...nonEmpty(parseEnvSample(readRepoText('env', `.env.${env}`)).values) };
  const { text, unresolved } = resolvePlaceholders(template, values);
  assert.deepEqual(unresolved, [], `placeholders left in the ${env} manifest`);
  return JSON.parse(text) as AppManifest;
}

function nonEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== '' || k === 'APP_NAME_SUFFIX'));
}

function bundledSchemaFile(schemaUrl: string): string {
  const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(pkg, 'build', new URL(schemaUrl).pathname);
}

describe('appPackage/manifest.json', () => {
  afterEach(() => sinon.restore());

  for (const env of ['local', 'dev']) {
    it(`is valid against the bundled schema with env/.env.${env} values, without touching the network`, async () => {
      const fetch = sinon.stub(globalThis, 'fetch').rejects(new Error('the schema must not be downloaded'));
      const fetchSchema = sinon.spy(AppManifestUtils, 'fetchSchema');

      const errors = await AppManifestUtils.validateAgainstSchema(rendered(env));

      assert.deepEqual(errors, []);
      assert.equal(fetch.callCount, 0);
      // The library rewrites the \a and \v escapes (invalid in JSON) when it loads a schema; do the same.
      const raw = readFileSync(bundledSchemaFile(manifest.$schema), 'utf8');
      const bundled = JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as unknown;
      assert.deepEqual(await fetchSchema.firstCall.returnValue, bundled);
    });
  }

  it('fails the same validation when a bot field is wrong, naming the field', async () => {
    const broken = rendered('dev') as unknown as Manifest;
    broken.bots[0].botId = 'not-a-guid';
    broken.bots[0].commandLists[0].commands[0].title = 'x'.repeat(129);

    const errors = await AppManifestUtils.validateAgainstSchema(broken as unknown as AppManifest);

    assert.ok(
      errors.some((e) => /^\/bots\/0\/botId must match pattern/.test(e)),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => /commands\/0\/title must NOT have more than 128/.test(e)),
      errors.join('\n'),
    );
  });

  it('names a schema this package bundles, matching manifestVersion', () => {
    assert.match(manifest.$schema, /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\//);
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    assert.ok(existsSync(bundledSchemaFile(manifest.$schema)), `${manifest.$schema} is not bundled`);
  });

  it('declares English as its default language, with the strings in the manifest itself', () => {
    assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: 'en-us' });
  });

  it('has one conversational bot in personal, team and group chat, with a command list per scope', () => {
    assert.equal(manifest.bots.length, 1);
    const [bot] = manifest.bots;
    assert.equal(bot.botId, '${{BOT_ID}}');
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.isNotificationOnly, false);
    assert.equal(bot.supportsFiles, false);
    for (const scope of bot.scopes) {
      const lists = bot.commandLists.filter((l) => l.scopes.includes(scope));
      assert.equal(lists.length, 1, `${scope} needs exactly one command list`);
    }
  });

  it('lists every command in every scope, at most 12 per list (v1.30 schema), titles and descriptions in limits', () => {
    for (const list of manifest.bots[0].commandLists) {
      const titles = list.commands.map((c) => c.title);
      assert.deepEqual([...titles].sort(), [...COMMANDS].sort(), `commands for ${list.scopes.join(', ')}`);
      assert.ok(list.commands.length <= 12);
      for (const c of list.commands) {
        assert.ok(c.title.length <= 32, c.title);
        assert.ok(c.description && c.description.length > 0 && c.description.length <= 128, c.title);
      }
    }
  });

  it('offers the shared-chat commands first in team and group chat', () => {
    for (const list of manifest.bots[0].commandLists.filter((l) => !l.scopes.includes('personal'))) {
      const firsts = list.commands.slice(0, SHARED_CHAT_FIRST.length).map((c) => c.title);
      assert.deepEqual(firsts, SHARED_CHAT_FIRST);
    }
  });

  it("declares Teams SSO (tab and bot) against the Entra app's identifier URI on the bot's domain", () => {
    const aad = readRepoJson<{ appId: string; identifierUris: string[] }>('aad.manifest.json');
    assert.deepEqual(manifest.webApplicationInfo, {
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}',
    });
    assert.equal(manifest.webApplicationInfo.id, aad.appId);
    assert.deepEqual(aad.identifierUris, [manifest.webApplicationInfo.resource]);
  });

  it('pins the dashboard tab in channels and group chats (with its configuration page) and in the personal app', () => {
    assert.deepEqual(manifest.configurableTabs, [
      {
        configurationUrl: 'https://${{BOT_DOMAIN}}/tab/config.html',
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab'],
      },
    ]);
    const dashboard = manifest.staticTabs.find((t) => t.entityId === 'pulse-dashboard');
    assert.equal(dashboard?.contentUrl, 'https://${{BOT_DOMAIN}}/tab/');
    assert.deepEqual(dashboard?.scopes, ['personal']);
    // The tab's pages are on the bot's own host, which validDomains and the SSO resource name.
    assert.ok(manifest.validDomains.includes('${{BOT_DOMAIN}}'));
    assert.ok(manifest.webApplicationInfo.resource.startsWith('api://${{BOT_DOMAIN}}/'));
  });

  it('allows the bot domain (SSO pages) and the Bot Framework token service', () => {
    assert.deepEqual(manifest.validDomains, [
      '${{BOT_DOMAIN}}',
      'token.botframework.com',
      '*.botframework.com',
    ]);
    assert.deepEqual(manifest.permissions, ['identity', 'messageTeamMembers']);
  });
});
