import { DEFAULT_SETTLE_MINUTES, DEMO_SETTLE_MINUTES } from '../monitor/detection-timing';
import { envSchema, BOT_FRAMEWORK_URL_KEYS, type RawEnv } from './schema';

/** The typed configuration, parsed once at startup. */
export interface Config {
  /** Demo mode: no BOT_ID; inbound auth off, loopback only, simulated tenant and Playground. */
  demo: boolean;
  port: number;
  host: string;
  bot: {
    id?: string;
    password?: string;
    type: RawEnv['BOT_TYPE'];
    tenantId?: string;
    domain?: string;
  };
  aad: {
    clientId?: string;
    clientSecret?: string;
    tenantId?: string;
    authorityHost: string;
    authorityMetadata?: string;
    cloudDiscoveryMetadata?: string;
  };
  tokenCacheKey?: string;
  /** Demo identity: sign Playground users in through the simulated tenant's Entra emulator (demo mode only). */
  demoIdentity: boolean;
  graphBaseUrl: string;
  /** Most bot processes sharing the app registration's Graph quota within 10 minutes; each gets a slice. */
  graphBudgetInstances: number;
  storePath: string;
  store: {
    kind: 'sqlite' | 'azure-blob';
    azure: { connectionString?: string; accountUrl?: string; container?: string; clientId?: string };
    partitions: number;
    leaseSeconds: number;
  };
  /** Alert monitor cycle: 5 minutes by default, 15 s in demo mode. */
  monitorCycleMs: number;
  /** Minutes a bucket must have ended before the monitor judges it: 10 by default, 2 in demo mode. */
  monitorSettleMinutes: number;
  /** Allowed tenant ids (lower case). Empty means any tenant, which only demo mode permits. */
  allowedTenants: string[];
  logLevel: RawEnv['LOG_LEVEL'];
  /** Keys for botbuilder's ConfigurationBotFrameworkAuthentication (MicrosoftAppId and the override keys). */
  botFrameworkAuth: Record<string, string | boolean | undefined>;
}

/** Thrown for a wrong or missing variable; the message is one line naming it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a Config or throws a ConfigError naming the first wrong variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    throw new ConfigError(
      variable,
      `${issue.message}${got === undefined ? '' : ` (got "${redactIfSecret(variable, got)}")`}`,
    );
  }
  const e = parsed.data;
  checkCombinations(e);
  const demo = !e.BOT_ID;
  return {
    demo,
    port: e.PORT,
    host: e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    bot: {
      id: e.BOT_ID,
      password: e.BOT_PASSWORD,
      type: e.BOT_TYPE,
      tenantId: e.BOT_TENANT_ID,
      domain: e.BOT_DOMAIN,
    },
    aad: {
      clientId: e.AAD_APP_CLIENT_ID,
      clientSecret: e.AAD_APP_CLIENT_SECRET,
      tenantId: e.AAD_APP_TENANT_ID,
      authorityHost: e.AAD_APP_OAUTH_AUTHORITY_HOST.replace(/\/+$/, ''),
      authorityMetadata: e.MSAL_AUTHORITY_METADATA,
      cloudDiscoveryMetadata: e.MSAL_CLOUD_DISCOVERY_METADATA,
    },
    tokenCacheKey: e.TOKEN_CACHE_KEY,
    demoIdentity: e.DEMO_IDENTITY === 'true',
    graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
    graphBudgetInstances: e.GRAPH_BUDGET_INSTANCES,
    storePath: e.STORE_PATH,
    store: {
      kind: e.STORE,
      azure: {
        connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
        accountUrl: e.AZURE_STORAGE_ACCOUNT_URL,
        container: e.AZURE_STORAGE_CONTAINER,
        clientId: e.AZURE_CLIENT_ID,
      },
      partitions: e.MONITOR_PARTITIONS,
      leaseSeconds: e.LEASE_SECONDS,
    },
    monitorCycleMs: (e.MONITOR_CYCLE_SECONDS ?? (demo ? 15 : 300)) * 1000,
    monitorSettleMinutes: e.MONITOR_SETTLE_MINUTES ?? (demo ? DEMO_SETTLE_MINUTES : DEFAULT_SETTLE_MINUTES),
    allowedTenants: (e.ALLOWED_TENANTS ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    botFrameworkAuth: botFrameworkAuthOf(e),
  };
}

function checkCombinations(e: RawEnv): void {
  if (e.BOT_ID) {
    if (e.BOT_TYPE !== 'UserAssignedMsi' && !e.BOT_PASSWORD)
      throw new ConfigError('BOT_PASSWORD', `is required when BOT_ID is set and BOT_TYPE is ${e.BOT_TYPE}`);
    if (e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID)
      throw new ConfigError('BOT_TENANT_ID', `is required when BOT_TYPE is ${e.BOT_TYPE}`);
    if (!e.ALLOWED_TENANTS)
      throw new ConfigError(
        'ALLOWED_TENANTS',
        'is required when BOT_ID is set: list the tenant ids this bot serves, comma-separated',
      );
    for (const v of [
      'AAD_APP_CLIENT_ID',
      'AAD_APP_CLIENT_SECRET',
      'AAD_APP_TENANT_ID',
      'TOKEN_CACHE_KEY',
    ] as const)
      if (!e[v]) throw new ConfigError(v, `is required when BOT_ID is set (${PRODUCTION_NEEDS[v]})`);
    if (e.DEMO_IDENTITY === 'true')
      throw new ConfigError(
        'DEMO_IDENTITY',
        'is only allowed in demo mode (no BOT_ID); production users sign in with Teams SSO',
      );
  } else if (e.BOT_PASSWORD) {
    throw new ConfigError(
      'BOT_ID',
      'is required when BOT_PASSWORD is set (or unset BOT_PASSWORD for demo mode)',
    );
  } else if (e.HOST && !isLoopbackHost(e.HOST)) {
    throw new ConfigError(
      'HOST',
      `is ${e.HOST}, but demo mode (no BOT_ID) checks no caller: bind HOST to 127.0.0.1, ::1 or localhost, or set BOT_ID and BOT_PASSWORD for production`,
    );
  }
  if (e.DEMO_IDENTITY === 'true') {
    if (!isLoopback(e.GRAPH_BASE_URL))
      throw new ConfigError(
        'DEMO_IDENTITY',
        `needs GRAPH_BASE_URL on this machine (the simulated tenant), not ${e.GRAPH_BASE_URL}`,
      );
    if (!e.AAD_APP_CLIENT_ID || !e.AAD_APP_CLIENT_SECRET)
      throw new ConfigError(
        'AAD_APP_CLIENT_ID',
        "and AAD_APP_CLIENT_SECRET are required with DEMO_IDENTITY (the simulator's demo app)",
      );
  }
  if (e.STORE === 'azure-blob' && !e.AZURE_STORAGE_CONNECTION_STRING && !e.AZURE_STORAGE_ACCOUNT_URL)
    throw new ConfigError(
      'AZURE_STORAGE_CONNECTION_STRING',
      'or AZURE_STORAGE_ACCOUNT_URL (with a managed identity) is required when STORE=azure-blob',
    );
  const overrides = BOT_FRAMEWORK_URL_KEYS.filter((k) => e[k]);
  if (overrides.length > 0 && overrides.length < BOT_FRAMEWORK_URL_KEYS.length) {
    const missing = BOT_FRAMEWORK_URL_KEYS.find((k) => !e[k]) as string;
    throw new ConfigError(
      missing,
      `is required because ${overrides.join(', ')} ${overrides.length > 1 ? 'are' : 'is'} set: botbuilder drops every default once one endpoint override is set`,
    );
  }
}

function botFrameworkAuthOf(e: RawEnv): Config['botFrameworkAuth'] {
  const out: Config['botFrameworkAuth'] = {
    MicrosoftAppId: e.BOT_ID ?? '',
    MicrosoftAppType: e.BOT_TYPE,
    MicrosoftAppTenantId: e.BOT_TENANT_ID,
  };
  for (const k of BOT_FRAMEWORK_URL_KEYS) if (e[k]) out[k] = e[k];
  if (BOT_FRAMEWORK_URL_KEYS.some((k) => e[k])) out.CallerId = e.CallerId ?? 'urn:botframework:azure';
  else if (e.CallerId) out.CallerId = e.CallerId;
  if (e.ValidateAuthority) out.ValidateAuthority = e.ValidateAuthority === 'true';
  return out;
}

const PRODUCTION_NEEDS = {
  AAD_APP_CLIENT_ID: 'the Entra app for Teams SSO and Graph on-behalf-of',
  AAD_APP_CLIENT_SECRET: 'the secret of AAD_APP_CLIENT_ID',
  AAD_APP_TENANT_ID: 'the tenant of AAD_APP_CLIENT_ID, or organizations',
  TOKEN_CACHE_KEY: 'encrypts the token cache at rest: `openssl rand -base64 32`',
};

function isLoopback(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A host name or address that only this machine can reach: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return (
    h === 'localhost' ||
    h === '::1' ||
    h === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  );
}

const SECRET_VARS = /PASSWORD|SECRET|KEY/;

function redactIfSecret(variable: string, value: string): string {
  return SECRET_VARS.test(variable) ? '***' : value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
