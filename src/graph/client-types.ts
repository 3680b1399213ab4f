import type { BudgetLane } from './budget';
import type { MetricsApiError } from './errors';
import type { AttemptOutcome, RetryPolicy } from './retry';
import type { Series } from '../domain/series';
import type { MetricWindow } from '../domain/window';

/** Per-call token source: delegated (on-behalf-of) or app-only, decided by the caller. Never logged. */
export type TokenProvider = (tenantId: string) => Promise<string>;

/** One metric over one (already validated) window. */
export interface MetricQuery {
  fn: string;
  window: MetricWindow;
}

/** Per-query result of a batched call: one failing metric never fails the others. */
export type SeriesResult = { ok: true; series: Series } | { ok: false; error: MetricsApiError };

export interface CallOptions {
  /**
   * Whose call this is: the caller's token for the tenant (a signed-in admin's delegated token, or the monitor's
   * chosen identity). Falls back to the client's own `tokenProvider` (the CLI's app-only token); with neither, the
   * call fails with SignInRequiredError before anything is sent.
   */
  token?: TokenProvider;
  /** Retry and time budget for the call site; default CHAT_RETRY_POLICY. */
  policy?: RetryPolicy;
  /** Sent as `client-request-id` so Graph and our logs correlate. */
  correlationId?: string;
  signal?: AbortSignal;
  /** Whose share of the request budget the call draws on (see budget.ts); default `user`. */
  lane?: BudgetLane;
}

/** One attempt for one query, as the retry loops see it. */
export type QueryOutcome = AttemptOutcome<Series, MetricsApiError>;

/** A failure shared by every query of one HTTP request (no token, timeout, network, batch-level status). */
export interface SharedFailure {
  /** Builds the typed error for one query's function, so each result names its metric. */
  error: (fn?: string) => MetricsApiError;
  retryable: boolean;
  retryAfterMs?: number;
}
