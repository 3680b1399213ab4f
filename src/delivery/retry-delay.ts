/** Backoff for a failed proactive send: the connector's Retry-After when given, else exponential with full jitter. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs;
  const cap = Math.min(5 * 60_000, 1_000 * 2 ** Math.min(attempt, 12));
  return Math.max(250, Math.round(random() * cap));
}
