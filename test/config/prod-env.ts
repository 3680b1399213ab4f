import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../src/config/config';

/** A complete production environment for config tests; the secrets are placeholders no service accepts. */
export const BOT_ID = '11111111-2222-4333-8444-555555555555';
export const TENANT = '00000000-0000-4000-8000-000000000001';
export const prod = {
  BOT_ID,
  BOT_PASSWORD: 'not-a-real-secret',
  ALLOWED_TENANTS: TENANT,
  AAD_APP_CLIENT_ID: BOT_ID,
  AAD_APP_CLIENT_SECRET: 'not-a-real-secret',
  AAD_APP_TENANT_ID: TENANT,
  TOKEN_CACHE_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/** Asserts that `env` is refused with one line naming `variable` and matching `pattern`. */
export function refuses(env: Record<string, string>, variable: string, pattern: RegExp): void {
  assert.throws(
    () => parseConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, 'a ConfigError');
      assert.equal(err.variable, variable);
      assert.match(err.message, new RegExp(`^Configuration error: ${variable} `));
      assert.match(err.message, pattern);
      assert.ok(!err.message.includes('\n'), 'one line');
      return true;
    },
  );
}
