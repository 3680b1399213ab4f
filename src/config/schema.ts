import { z } from 'zod';
import { MAX_SETTLE_MINUTES } from '../monitor/detection-timing';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const guid = (what: string) =>
  optionalText.refine((v) => v === undefined || GUID.test(v), `must be ${what} GUID`);

const url = optionalText.refine(
  (v) => v === undefined || /^https?:\/\/[^\s/]+/i.test(v),
  'must be an http(s) URL such as https://example.com',
);

const json = optionalText.refine((v) => {
  if (v === undefined) return true;
  try {
    return typeof JSON.parse(v) === 'object';
  } catch {
    return false;
  }
}, 'must be a JSON object (msal-node authority or cloud discovery metadata)');

function keyBytes(v: string): number {
  return /^[0-9a-f]{64}$/i.test(v) ? 32 : Buffer.from(v, 'base64').length;
}

/** Bot Framework auth override keys, passed through to ConfigurationBotFrameworkAuthentication when set. */
export const BOT_FRAMEWORK_URL_KEYS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'OAuthUrl',
] as const;

/** The raw environment schema: Teams Toolkit names plus ours. Every key is documented in README.md. */
export const envSchema = z.object({
  BOT_ID: guid('an Entra application (client) id:'),
  BOT_PASSWORD: optionalText,
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('MultiTenant'),
  BOT_TENANT_ID: guid('a tenant id:'),
  BOT_DOMAIN: optionalText,
  AAD_APP_CLIENT_ID: guid('an Entra application (client) id:'),
  AAD_APP_CLIENT_SECRET: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_OAUTH_AUTHORITY_HOST: url.transform((v) => v ?? 'https://login.microsoftonline.com'),
  MSAL_AUTHORITY_METADATA: json,
  MSAL_CLOUD_DISCOVERY_METADATA: json,
  TOKEN_CACHE_KEY: optionalText.refine(
    (v) => v === undefined || keyBytes(v) === 32,
    'must be 32 random bytes, base64 or hex encoded (e.g. `openssl rand -base64 32`)',
  ),
  DEMO_IDENTITY: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) })
    .optional(),
  PORT: z.coerce
    .number({ invalid_type_error: 'must be a port number' })
    .int('must be a whole port number')
    .min(0, 'must be from 0 to 65535 (0 picks a free port)')
    .max(65535, 'must be from 0 to 65535 (0 picks a free port)')
    .default(3978),
  HOST: optionalText,
  GRAPH_BASE_URL: url.transform((v) => v ?? 'https://graph.microsoft.com'),
  STORE_PATH: optionalText.transform((v) => v ?? './data/pulse.db'),
  ALLOWED_TENANTS: optionalText.refine(
    (v) => v === undefined || v.split(',').every((t) => GUID.test(t.trim())),
    'must be a comma-separated list of tenant id GUIDs',
  ),
  STORE: z
    .enum(['sqlite', 'azure-blob'], { errorMap: () => ({ message: 'must be sqlite or azure-blob' }) })
    .optional()
    .transform((v) => v ?? 'sqlite'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_ACCOUNT_URL: url,
  AZURE_STORAGE_CONTAINER: optionalText.refine(
    (v) => v === undefined || /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(v),
    'must be a valid blob container name (3-63 lower-case letters, digits and single hyphens)',
  ),
  AZURE_CLIENT_ID: guid('a managed identity client id:'),
  MONITOR_PARTITIONS: z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be from 1 to 1024')
    .max(1024, 'must be from 1 to 1024')
    .default(32),
  LEASE_SECONDS: z.coerce
    .number({ invalid_type_error: 'must be a number of seconds' })
    .int('must be whole seconds')
    .min(15, 'must be from 15 to 60 (Azure blob lease limits)')
    .max(60, 'must be from 15 to 60 (Azure blob lease limits)')
    .default(30),
  GRAPH_BUDGET_INSTANCES: z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be from 1 to 75')
    .max(75, 'must be from 1 to 75')
    .default(1),
  MONITOR_CYCLE_SECONDS: z.coerce
    .number({ invalid_type_error: 'must be a number of seconds' })
    .int('must be whole seconds')
    .min(5, 'must be from 5 to 3600')
    .max(3600, 'must be from 5 to 3600')
    .optional(),
  MONITOR_SETTLE_MINUTES: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ invalid_type_error: 'must be a whole number of minutes' })
      .int('must be a whole number of minutes')
      .min(0, `must be from 0 to ${MAX_SETTLE_MINUTES} minutes`)
      .max(MAX_SETTLE_MINUTES, `must be from 0 to ${MAX_SETTLE_MINUTES} minutes`)
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ToBotFromChannelOpenIdMetadataUrl: url,
  ToBotFromChannelTokenIssuer: optionalText,
  ToChannelFromBotLoginUrl: url,
  ToChannelFromBotOAuthScope: optionalText,
  ToBotFromEmulatorOpenIdMetadataUrl: url,
  OAuthUrl: url,
  CallerId: optionalText,
  ValidateAuthority: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) })
    .optional(),
});

export type RawEnv = z.infer<typeof envSchema>;
