/**
 * Sliding-window request limiter: at most `limit` accepted requests per `windowMs` per key (app, tenant, function).
 * Rejected requests do not consume quota. Worked example with the defaults (100 per 10 minutes): requests 1–100 at
 * 09:00:00–09:04:00 pass; the 101st at 09:05:00 gets 429 with Retry-After 300 (the first request leaves the window
 * at 09:10:00); at 09:10:00 exactly one slot is free again.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit = 100,
    readonly windowMs = 10 * 60_000,
  ) {}

  /** Records the request if allowed; otherwise returns the whole seconds to wait until a slot frees. */
  take(key: string, nowMs: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.windowMs - nowMs) / 1000)),
      };
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    return { allowed: true };
  }

  /** Whether `take` would allow a request now, recording nothing. */
  peek(key: string, nowMs: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length < this.limit) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.windowMs - nowMs) / 1000)),
    };
  }

  reset(): void {
    this.hits.clear();
  }
}

/** Throttling key: Graph documents report limits per app per tenant, applied to each report API separately. */
export function throttleKey(appId: string, tenantId: string, fn: string): string {
  return `${appId}|${tenantId}|${fn}`;
}
