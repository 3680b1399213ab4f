import { randomUUID } from 'node:crypto';
import type { CallOptions, SharedFailure } from './client-types';
import { NetworkError, SignInRequiredError, TimeoutError } from './errors';
import { redactSecrets } from './error-mapping';
import { CHAT_RETRY_POLICY } from './retry';
import {
  TokenUnavailableError,
  type GraphVersion,
  type RawResponse,
  type SdkTransport,
} from './sdk-transport';

export interface Exchange {
  tenantId: string;
  method: 'GET' | 'POST';
  path: string;
  version?: GraphVersion;
  headers?: Record<string, string>;
  body?: unknown;
  /** Time left in the call's budget: the request is aborted when it runs out. */
  remainingMs: number;
  getAccessToken: () => Promise<string>;
  opts: CallOptions;
}

/** One HTTP exchange with a timeout of the remaining budget; failures without a response become typed errors. */
export async function exchange(transport: SdkTransport, x: Exchange): Promise<RawResponse | SharedFailure> {
  const { tenantId, opts } = x;
  const budgetMs = (opts.policy ?? CHAT_RETRY_POLICY).budgetMs;
  const seconds = (budgetMs / 1000).toFixed(budgetMs < 10_000 ? 1 : 0);
  const timeout: SharedFailure = {
    error: (fn) =>
      new TimeoutError(`Microsoft Graph did not answer within ${seconds} s. Try again in a minute.`, {
        tenantId,
        fn,
      }),
    retryable: false,
  };
  if (x.remainingMs <= 0) return timeout;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), x.remainingMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    return await transport.send({
      method: x.method,
      path: x.path,
      version: x.version,
      headers: x.headers,
      body: x.body,
      getAccessToken: x.getAccessToken,
      signal: controller.signal,
      clientRequestId: opts.correlationId ?? randomUUID(),
    });
  } catch (e) {
    if (e instanceof TokenUnavailableError) {
      const reason = redactSecrets(e.reason);
      const message = `Pulse could not get a Microsoft Graph token for tenant ${tenantId}: ${reason}`;
      return {
        error: (fn) => new SignInRequiredError(message, { tenantId, fn, detail: reason }),
        retryable: false,
      };
    }
    if (opts.signal?.aborted) {
      const message = 'The request was cancelled before Microsoft Graph answered.';
      return { error: (fn) => new TimeoutError(message, { tenantId, fn }), retryable: false };
    }
    if (controller.signal.aborted) return timeout;
    const reason = redactSecrets(e instanceof Error ? e.message : String(e));
    return {
      error: (fn) =>
        new NetworkError(`Could not reach Microsoft Graph: ${reason}`, { tenantId, fn, detail: reason }),
      retryable: true,
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
