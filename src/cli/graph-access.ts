import type { TokenProvider } from '../graph/client';
import { createMetricsService, type MetricsService } from '../graph/metrics-service';
import type { Connection } from './connection';

/** The token source for a connection: the given token as is, or app-only client credentials (msal loaded then). */
export function tokenProviderFor(connection: Connection): TokenProvider {
  const { auth } = connection;
  if (auth.kind === 'token') return async () => auth.token;
  let app: Promise<TokenProvider> | undefined;
  return async (tenantId) => {
    app ??= import('./app-token').then((m) => m.appTokenProvider(auth.app));
    return (await app)(tenantId);
  };
}

/** The same metrics service the bot uses (budget, cache, batching), for one run of the CLI. */
export function metricsServiceFor(connection: Connection, now: () => number): MetricsService {
  return createMetricsService({
    tokenProvider: tokenProviderFor(connection),
    baseUrl: connection.graphBaseUrl,
    now,
  });
}
