import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseConfig } from '../../src/config/config';
import { envSchema } from '../../src/config/schema';
import { parseEnvSample } from './env-sample';
import { readRepoText, REPO_ROOT } from './repo-files';

const SAMPLES = ['local', 'dev', 'playground'];
/** Teams Toolkit variables every sample documents, next to the bot's own config variables. */
const TOOLKIT_VARIABLES = [
  'TEAMSFX_ENV',
  'APP_NAME_SUFFIX',
  'TEAMS_APP_ID',
  'TEAMS_APP_TENANT_ID',
  'BOT_ENDPOINT',
  'AAD_APP_OBJECT_ID',
  'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'RESOURCE_SUFFIX',
];
/** A name that holds a secret: never given a value in a committed file. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN_CACHE_KEY/;
/** A value that looks like key material: long runs of base64 or hex. */
const SECRET_LOOKING = /[A-Za-z0-9+/=_-]{32,}/;

describe('env/ samples', () => {
  for (const name of SAMPLES) {
    describe(`env/.env.${name}`, () => {
      const text = readRepoText('env', `.env.${name}`);
      const sample = parseEnvSample(text);

      it('gives no secret a value', () => {
        for (const [key, value] of Object.entries(sample.values)) {
          if (SECRET_NAME.test(key)) assert.equal(value, '', `${key} has a value`);
          assert.doesNotMatch(value, SECRET_LOOKING, `${key} looks like key material`);
        }
        assert.deepEqual(
          Object.keys(sample.values).filter((k) => k.startsWith('SECRET_')),
          [],
          'SECRET_ variables belong in env/.env.*.user',
        );
      });

      it('documents every config variable and Teams Toolkit variable', () => {
        for (const key of [...Object.keys(envSchema.shape), ...TOOLKIT_VARIABLES]) {
          assert.ok(sample.documented.has(key), `${key} is not documented (KEY= or # KEY=)`);
        }
      });

      it('names its environment', () => {
        assert.equal(sample.values.TEAMSFX_ENV, name);
      });
    });
  }

  it('keeps the toolkit-managed secret files and generated runtime files out of git', () => {
    for (const path of [
      'env/.env.dev.user',
      'env/.env.local.user',
      '.localConfigs',
      'appPackage/build/x.zip',
    ]) {
      assert.doesNotThrow(
        () => execFileSync('git', ['check-ignore', '-q', path], { cwd: REPO_ROOT, stdio: 'pipe' }),
        `${path} is not ignored`,
      );
    }
  });

  it('tells where each toolkit secret lives', () => {
    for (const name of ['local', 'dev']) {
      const text = readRepoText('env', `.env.${name}`);
      for (const secret of [
        'SECRET_BOT_PASSWORD',
        'SECRET_AAD_APP_CLIENT_SECRET',
        'SECRET_TOKEN_CACHE_KEY',
      ]) {
        assert.match(text, new RegExp(`#.*${secret}`), `${name} does not explain ${secret}`);
      }
    }
  });

  it('env/.env.playground starts the bot in demo mode on loopback', () => {
    const config = parseConfig(parseEnvSample(readRepoText('env', '.env.playground')).values);
    assert.equal(config.demo, true);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
  });

  it('the secret check catches a committed secret', () => {
    const leaked = parseEnvSample(
      'BOT_PASSWORD=hunter2\nAAD_APP_CLIENT_ID="q8Z3vR1pX0mN6bT4yW9cK2jH5gF7dS1a"\n',
    );
    assert.equal(SECRET_NAME.test('BOT_PASSWORD') && leaked.values.BOT_PASSWORD !== '', true);
    assert.match(leaked.values.AAD_APP_CLIENT_ID, SECRET_LOOKING);
  });
});
