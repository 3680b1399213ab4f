import { AsyncLocalStorage } from 'node:async_hooks';
import type { TokenProvider } from './client-types';
import { SignInRequiredError } from './errors';

/** Who a Graph call is made for: a function that returns that caller's token for a tenant. */
export type CallerToken = (tenantId: string) => Promise<string>;

const caller = new AsyncLocalStorage<CallerToken>();

/** Runs `fn` with Graph calls made on behalf of `token` (the signed-in admin of a turn, or the monitor's identity). */
export function asCaller<T>(token: CallerToken, fn: () => Promise<T>): Promise<T> {
  return caller.run(token, fn);
}

/**
 * The token provider for a shared GraphMetricsClient: each call uses the token of whoever is calling (see asCaller),
 * so one client, cache and budget serve every user while Graph still checks each user's own permissions and roles.
 */
export const callerTokenProvider: TokenProvider = (tenantId) => {
  const token = caller.getStore();
  if (!token)
    return Promise.reject(
      new SignInRequiredError('Sign in first: no signed-in caller for this Graph call.', { tenantId }),
    );
  return token(tenantId);
};
