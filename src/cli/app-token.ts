import { AuthError, ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { GRAPH_APP_SCOPES } from '../auth/graph-scopes';
import type { TokenProvider } from '../graph/client';
import type { AppCredentials } from './connection';
import { oneLine } from './exit-status';

/** Why Entra refused, in one line: msal's error code and the first sentence of its description, no trace ids. */
export function msalReason(error: unknown): string {
  if (error instanceof AuthError) {
    const text = oneLine(error.errorMessage);
    const description = (/AADSTS\d+:[^.]*\.?/.exec(text) ?? /^[^.]*\.?/.exec(text))?.[0].trim();
    return `${error.errorCode}${description ? `: ${description}` : ''}`;
  }
  return oneLine(error instanceof Error ? error.message : String(error));
}

/**
 * App-only tokens by client credentials (scope `https://graph.microsoft.com/.default`), one msal client and one
 * request per tenant per run. Configured like the bot's (`src/auth/msal-clients.ts`), which needs the whole bot
 * Config. A failure is rethrown with msal's reason only, so no secret reaches the message.
 */
export function appTokenProvider(app: AppCredentials): TokenProvider {
  const tokens = new Map<string, Promise<string>>();
  const acquire = async (tenantId: string) => {
    const msal = new ConfidentialClientApplication({
      auth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        authority: `${app.authorityHost}/${tenantId}`,
        authorityMetadata: app.authorityMetadata,
        cloudDiscoveryMetadata: app.cloudDiscoveryMetadata,
      },
      system: {
        loggerOptions: {
          logLevel: LogLevel.Error,
          loggerCallback: () => undefined,
          piiLoggingEnabled: false,
        },
      },
    });
    try {
      const result = await msal.acquireTokenByClientCredential({ scopes: [...GRAPH_APP_SCOPES] });
      if (!result?.accessToken) throw new Error('Entra returned no access token');
      return result.accessToken;
    } catch (e) {
      throw new Error(`app-only sign-in for app ${app.clientId} failed (${msalReason(e)})`);
    }
  };
  return (tenantId) => {
    let token = tokens.get(tenantId);
    if (!token) tokens.set(tenantId, (token = acquire(tenantId)));
    return token;
  };
}
