/** Retry policy for Graph calls: which statuses, how long to wait, and the total time a call site can afford. */
export interface RetryPolicy {
  /** Wall-clock budget for the whole call, waits included. Chat turns must answer within Teams' 15 s. */
  budgetMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Backoff base: retry n waits a uniform random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time kept for the retried request itself; a wait that would leave less is not started. */
  attemptReserveMs: number;
}

/** For chat turns: everything, retries included, within 8 s of the 15 s Teams turn. */
export const CHAT_RETRY_POLICY: RetryPolicy = {
  budgetMs: 8_000,
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  attemptReserveMs: 1_000,
};

/** For the background monitor: patient, but bounded so one tenant cannot hold a poll slot forever. */
export const MONITOR_RETRY_POLICY: RetryPolicy = {
  budgetMs: 90_000,
  maxRetries: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  attemptReserveMs: 5_000,
};

/** Statuses worth retrying, as in the Graph SDK RetryHandler: 429, 503, 504. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** Full-jitter exponential backoff for retry number `retry` (1-based), in ms. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

export type RetryDecision =
  { retry: true; delayMs: number } | { retry: false; reason: 'attempts' | 'budget'; delayMs: number };

export interface RetryState {
  /** Retry number about to be made (1 for the first retry). */
  retry: number;
  /** Time since the call started. */
  elapsedMs: number;
  /** Parsed `Retry-After`, honoured as given (never shortened) when present. */
  retryAfterMs?: number;
}

/** Pure: whether and how long to wait before the next attempt. */
export function decideRetry(
  state: RetryState,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  const delayMs = state.retryAfterMs ?? backoffDelay(state.retry, policy, random);
  if (state.retry > policy.maxRetries) return { retry: false, reason: 'attempts', delayMs };
  if (state.elapsedMs + delayMs + policy.attemptReserveMs > policy.budgetMs) {
    return { retry: false, reason: 'budget', delayMs };
  }
  return { retry: true, delayMs };
}

/** One attempt's outcome, as the operation reports it to the loop. */
export type AttemptOutcome<T, E> =
  { ok: true; value: T } | { ok: false; error: E; retryable: boolean; retryAfterMs?: number };

export interface RetryDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Real clock and timers (setTimeout, so sinon fake timers drive it in tests). */
export const REAL_RETRY_DEPS: RetryDeps = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `op` until it succeeds, fails for good, or the policy's attempts or time budget run out. `op` receives the
 * 0-based attempt and the time left in the budget (use it as the request timeout). Returns the last outcome.
 */
export async function runWithRetry<T, E>(
  op: (attempt: number, remainingMs: number) => Promise<AttemptOutcome<T, E>>,
  policy: RetryPolicy,
  deps: RetryDeps = REAL_RETRY_DEPS,
): Promise<AttemptOutcome<T, E>> {
  const started = deps.now();
  for (let attempt = 0; ; attempt++) {
    const outcome = await op(attempt, policy.budgetMs - (deps.now() - started));
    if (outcome.ok || !outcome.retryable) return outcome;
    const decision = decideRetry(
      { retry: attempt + 1, elapsedMs: deps.now() - started, retryAfterMs: outcome.retryAfterMs },
      policy,
      deps.random,
    );
    if (!decision.retry) return outcome;
    await deps.sleep(decision.delayMs);
  }
}
