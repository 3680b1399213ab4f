import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { Config } from '../config/config';
import type { EncryptedCachePlugin } from './encrypted-cache-plugin';

/** msal-node configuration for our Entra app, with the authority and metadata overrides from the environment. */
export function msalConfiguration(
  config: Config,
  tenant: string,
  cachePlugin?: EncryptedCachePlugin,
): Configuration {
  if (!config.aad.clientId || !config.aad.clientSecret)
    throw new Error('AAD_APP_CLIENT_ID and AAD_APP_CLIENT_SECRET are required');
  return {
    auth: {
      clientId: config.aad.clientId,
      clientSecret: config.aad.clientSecret,
      authority: `${config.aad.authorityHost}/${tenant}`,
      authorityMetadata: config.aad.authorityMetadata,
      cloudDiscoveryMetadata: config.aad.cloudDiscoveryMetadata,
    },
    cache: cachePlugin ? { cachePlugin } : undefined,
  };
}

/** A confidential client for our Entra app against one tenant's authority. */
export function confidentialClient(config: Config, tenant: string, cachePlugin?: EncryptedCachePlugin) {
  return new ConfidentialClientApplication(msalConfiguration(config, tenant, cachePlugin));
}
