/** Outcome of a budget check: how many sends are left, or when the next one would be allowed. */
export type BudgetDecision = { ok: true; remaining: number } | { ok: false; retryAt: number; remaining: 0 };

export interface RequestBudgetOptions {
  /** Sends allowed per window per tenant and function. Defaults to Graph's documented 100. */
  limit?: number;
  /** Window length in ms. Defaults to 10 minutes. */
  windowMs?: number;
  now?: () => number;
}

/**
 * Client-side request budget for Graph's reports throttling: "100 requests per 10 minutes per app per tenant" for
 * each report API (JSON, beta). We treat every serviceActivity function as its own report API, so the counter key is
 * tenant + function, and a `$batch` item counts like a request (Graph throttles batch items individually).
 *
 * Window semantics: a sliding log, not a fixed window. A send at time `s` occupies one unit of the budget during
 * `[s, s + windowMs)`; at time `now` the units in use are the sends with `s > now - windowMs`. A refused send learns
 * `retryAt`, the moment enough of the oldest sends leave the window. Sends are recorded only when allowed, so a
 * refused attempt never extends the wait. With `limit: 100` and `windowMs: 600_000` (10 minutes):
 *
 * - 12:00:00, 100 sends for tenant A / getConnectivityMetricsForExchange: all allowed, `remaining` falls to 0.
 * - 12:05:00, one more for the same key: refused with `retryAt` 12:10:00 (when the 12:00:00 sends leave).
 * - 12:05:00, a send for tenant A / another function, or for tenant B: allowed; keys never share a counter.
 * - 12:10:00, one more: allowed; the 12:00:00 sends are out of the window (`s > now - windowMs` is false).
 * - 40 sends at 12:00, 60 at 12:06: at 12:09 the key is full and `retryAt` is 12:10 (the 40 leave then); at 12:10
 *   there is room for 40, and the 60 sends of 12:06 hold their units until 12:16.
 * - `tryAcquire(key, 3)` when 2 are left: refused as a whole (nothing recorded); `retryAt` is when 3 are free.
 *
 * The budget is per process: several bot instances or the CLI sharing one app registration share Graph's real quota,
 * so lower `limit` for them (Graph's own 429s are still handled by the retry policy).
 */
export class RequestBudget {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly sends = new Map<string, number[]>();

  constructor(opts: RequestBudgetOptions = {}) {
    this.limit = opts.limit ?? 100;
    this.windowMs = opts.windowMs ?? 600_000;
    this.now = opts.now ?? Date.now;
    if (!(this.limit >= 1) || !(this.windowMs > 0))
      throw new RangeError('RequestBudget needs limit >= 1 and windowMs > 0');
  }

  /** Would `count` sends be allowed now? Records nothing. */
  check(tenantId: string, fn: string, count = 1): BudgetDecision {
    return this.decide(this.live(key(tenantId, fn), this.now()), count);
  }

  /** Records `count` sends if all fit in the budget; otherwise records nothing and says when they would. */
  tryAcquire(tenantId: string, fn: string, count = 1): BudgetDecision {
    const k = key(tenantId, fn);
    const now = this.now();
    const log = this.live(k, now);
    const decision = this.decide(log, count);
    if (decision.ok) {
      for (let i = 0; i < count; i++) log.push(now);
      this.sends.set(k, log);
    }
    return decision;
  }

  /** Sends left for the key right now. */
  remaining(tenantId: string, fn: string): number {
    return Math.max(0, this.limit - this.live(key(tenantId, fn), this.now()).length);
  }

  private decide(log: number[], count: number): BudgetDecision {
    if (count > this.limit) return { ok: false, retryAt: Number.POSITIVE_INFINITY, remaining: 0 };
    const free = this.limit - log.length;
    if (count <= free) return { ok: true, remaining: free - count };
    // The (count - free) oldest sends must leave the window first.
    return { ok: false, retryAt: log[count - free - 1] + this.windowMs, remaining: 0 };
  }

  /** The key's sends still inside the window at `now`, oldest first; prunes expired ones. */
  private live(k: string, now: number): number[] {
    const log = this.sends.get(k);
    if (!log) return [];
    let drop = 0;
    while (drop < log.length && log[drop] <= now - this.windowMs) drop++;
    if (drop > 0) log.splice(0, drop);
    if (log.length === 0) this.sends.delete(k);
    return log;
  }
}

function key(tenantId: string, fn: string): string {
  return `${tenantId}\u0000${fn}`;
}
