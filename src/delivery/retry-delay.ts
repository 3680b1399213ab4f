/** How long the outbox keeps retrying one card: whichever bound is reached first makes it a dead letter. */
export interface RetryBounds {
  /** Failed send attempts after which the card is given up. */
  maxAttempts: number;
  /** A failure at least this long after the card's first failure gives it up. */
  maxAgeMs: number;
}

/**
 * 12 attempts or 1 hour. Backoff from 1–2 s doubling to a 5–10 minute cap puts the 12th attempt 18–37 minutes
 * after the first failure, long enough to ride out a connector blip or a 429 storm, short enough that an admin sees
 * the dead letter while the incident is still current. A connector answering 429 with a long Retry-After is held
 * to the hour.
 */
export const DELIVERY_RETRY: RetryBounds = { maxAttempts: 12, maxAgeMs: 3_600_000 };

const BASE_MS = 2_000;
const CAP_MS = 10 * 60_000;

/**
 * Wait before retry number `attempt` (1 after the first failure): exponential with equal jitter (half the step
 * fixed, half random: 1–2 s, 2–4 s, … up to 5–10 minutes), and never less than the connector's Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const step = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(Math.max(attempt, 1) - 1, 20));
  const backoff = Math.round(step / 2 + (random() * step) / 2);
  return Math.max(backoff, retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : 0);
}

/** Whether a card that just failed its `attempts`-th attempt, first failing at `firstFailedAt`, is given up. */
export function retriesExhausted(
  attempts: number,
  firstFailedAt: number,
  now: number,
  bounds: RetryBounds,
): string | undefined {
  if (attempts >= bounds.maxAttempts) return `gave up after ${attempts} attempts`;
  if (now - firstFailedAt >= bounds.maxAgeMs)
    return `gave up after ${Math.round((now - firstFailedAt) / 60_000)} minutes of failures (${attempts} attempts)`;
  return undefined;
}
