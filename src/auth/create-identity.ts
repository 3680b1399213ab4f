import { dirname, join } from 'node:path';
import type { Config } from '../config/config';
import type { KeyValueStore } from '../store/store';
import { resolveCacheKey } from './cache-key';
import { DelegatedTokens } from './delegated-tokens';
import { DemoIdentity } from './demo-identity';
import { EncryptedCachePlugin } from './encrypted-cache-plugin';
import { Identity } from './identity';
import { AppTokens } from './app-tokens';
import { MonitorIdentity } from './monitor-identity';
import { confidentialClient } from './msal-clients';

/**
 * Production: Teams SSO plus on-behalf-of, tokens in the encrypted store. Demo mode with DEMO_IDENTITY: the same
 * on-behalf-of path, fed by the simulated tenant. Demo mode without it: no sign-in (commands that read data say so).
 */
export async function createIdentity(
  config: Config,
  store: KeyValueStore,
): Promise<{ identity: Identity; cachePlugin?: EncryptedCachePlugin; monitor?: MonitorIdentity }> {
  const mode = !config.demo ? 'sso' : config.demoIdentity ? 'demo' : 'none';
  if (mode === 'none') return { identity: new Identity('none') };
  const key = await resolveCacheKey(
    store,
    config.tokenCacheKey,
    join(dirname(config.storePath), 'token-cache.key'),
  );
  const cachePlugin = new EncryptedCachePlugin(store, key);
  const delegated = new DelegatedTokens(
    confidentialClient(config, config.aad.tenantId ?? 'organizations', cachePlugin),
  );
  const demo = mode === 'demo' ? new DemoIdentity(config.graphBaseUrl, config.aad.clientId ?? '') : undefined;
  const monitor = new MonitorIdentity(
    new AppTokens((tenant) => confidentialClient(config, tenant)),
    delegated,
  );
  return { identity: new Identity(mode, delegated, demo), cachePlugin, monitor };
}
