import { UsageError } from './usage-error';

/** Where and as whom to call Graph, from flags and the environment. Never printed: it may hold a secret. */
export interface Connection {
  tenantId: string;
  graphBaseUrl: string;
  auth: { kind: 'token'; token: string } | { kind: 'app'; app: AppCredentials };
}

/** Client credentials of an Entra app, with the bot's authority overrides (sovereign clouds, the simulator). */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
}

export interface ConnectionFlags {
  token?: string;
  tenant?: string;
  graph?: string;
}

export const DEFAULT_GRAPH = 'https://graph.microsoft.com';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** The `tid` claim of a JWT access token, read without verifying (Graph verifies); undefined if unreadable. */
export function tenantOfToken(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      tid?: unknown;
    };
    return typeof payload.tid === 'string' && payload.tid ? payload.tid : undefined;
  } catch {
    return undefined;
  }
}

const set = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

function httpUrl(value: string, source: string, example: string, command?: string): string {
  if (!/^https?:\/\/[^\s/]+/i.test(value)) {
    throw new UsageError(`${source} must be an http(s) URL such as ${example}; got '${value}'.`, command);
  }
  return value.replace(/\/+$/, '');
}

function jsonObject(env: NodeJS.ProcessEnv, name: string, command?: string): string | undefined {
  const value = set(env[name]);
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return value;
  } catch {
    // reported below
  }
  throw new UsageError(
    `${name} must be a JSON object (msal-node authority or cloud discovery metadata).`,
    command,
  );
}

/**
 * Token first (`--token`, then `GRAPH_TOKEN`), else app-only client credentials from `AAD_APP_CLIENT_ID`,
 * `AAD_APP_CLIENT_SECRET` (and `AAD_APP_OAUTH_AUTHORITY_HOST`, `MSAL_*_METADATA`). Tenant: `--tenant`, else the
 * token's `tid`, else `AAD_APP_TENANT_ID`. Missing or malformed input is a UsageError naming the flag or variable.
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  command?: string,
): Connection {
  const graphBaseUrl = flags.graph
    ? httpUrl(flags.graph, '--graph', DEFAULT_GRAPH, command)
    : httpUrl(set(env.GRAPH_BASE_URL) ?? DEFAULT_GRAPH, 'GRAPH_BASE_URL', DEFAULT_GRAPH, command);
  const token = set(flags.token ?? env.GRAPH_TOKEN)?.replace(/^Bearer\s+/i, '');
  const tenantId = set(flags.tenant) ?? (token && tenantOfToken(token)) ?? set(env.AAD_APP_TENANT_ID);
  if (tenantId !== undefined && !/^[a-z0-9][a-z0-9.-]*$/i.test(tenantId)) {
    throw new UsageError(`The tenant must be a tenant id (GUID) or domain; got '${tenantId}'.`, command);
  }
  if (token) {
    if (!tenantId) {
      throw new UsageError('The token has no tid claim: pass --tenant with the tenant id.', command);
    }
    return { tenantId, graphBaseUrl, auth: { kind: 'token', token } };
  }
  const clientId = set(env.AAD_APP_CLIENT_ID);
  const clientSecret = set(env.AAD_APP_CLIENT_SECRET);
  if (!clientId || !clientSecret) {
    throw new UsageError(
      'No Microsoft Graph credentials: pass --token or set GRAPH_TOKEN, or set AAD_APP_CLIENT_ID, ' +
        'AAD_APP_CLIENT_SECRET and AAD_APP_TENANT_ID for app-only access.',
      command,
    );
  }
  if (!tenantId)
    throw new UsageError('App-only access needs a tenant: set AAD_APP_TENANT_ID or pass --tenant.', command);
  const app: AppCredentials = {
    clientId,
    clientSecret,
    authorityHost: httpUrl(
      set(env.AAD_APP_OAUTH_AUTHORITY_HOST) ?? DEFAULT_AUTHORITY_HOST,
      'AAD_APP_OAUTH_AUTHORITY_HOST',
      DEFAULT_AUTHORITY_HOST,
      command,
    ),
    authorityMetadata: jsonObject(env, 'MSAL_AUTHORITY_METADATA', command),
    cloudDiscoveryMetadata: jsonObject(env, 'MSAL_CLOUD_DISCOVERY_METADATA', command),
  };
  return { tenantId, graphBaseUrl, auth: { kind: 'app', app } };
}
