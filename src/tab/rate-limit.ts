/**
 * Per-user request budget of the tab API: a token bucket of `burst` requests refilled at `perMinute` a minute.
 *
 * Worked examples with the defaults (burst 60, 60 a minute, i.e. one token a second):
 * - A dashboard of 20 charts loads: 21 requests at once take 21 tokens; 39 are left.
 * - It refreshes every minute: 21 requests a minute against 60 refilled; the bucket stays full.
 * - A script sends 100 requests in one second: the first 60 pass, the other 40 get 429 with `Retry-After: 1`.
 * - After a minute idle the bucket is full again (tokens never exceed `burst`).
 * Users are independent: one user's burst never slows another's.
 */
export class UserRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst = 60,
    private readonly perMinute = 60,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `user`: `{ ok: true }`, or the whole seconds until the next token. */
  take(user: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(user) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    if (this.buckets.size > 10_000 && !this.buckets.has(user)) this.forgetFull();
    this.buckets.set(user, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) };
  }

  /** Drops users whose bucket has refilled: they would start full anyway. */
  private forgetFull(): void {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    for (const [k, b] of this.buckets)
      if (b.tokens + (now - b.at) * rate >= this.burst) this.buckets.delete(k);
  }
}
