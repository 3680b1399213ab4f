/**
 * Per-user limit on access probes: at most `limit` probes in any `windowMs` (a sliding log, like RequestBudget).
 * With the defaults (6 in 10 minutes) an admin whose proof lapses every 5 minutes uses 2, while one user who sends
 * commands in a loop with a failing sign-in stops costing Graph requests after the 6th. Per process.
 */
export class ProbeLimit {
  private readonly log = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limit = 6,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Records a probe for `user` and resolves true, or resolves false (recording nothing) with `retryAt` known. */
  tryProbe(user: string): { ok: true } | { ok: false; retryAt: number } {
    const now = this.now();
    const live = (this.log.get(user) ?? []).filter((t) => t > now - this.windowMs);
    if (live.length >= this.limit) {
      this.log.set(user, live);
      return { ok: false, retryAt: live[0] + this.windowMs };
    }
    live.push(now);
    this.log.set(user, live);
    if (this.log.size > 50_000) this.prune(now);
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [k, v] of this.log) if (!v.some((t) => t > now - this.windowMs)) this.log.delete(k);
  }
}
