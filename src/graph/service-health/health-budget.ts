import { RequestBudget, type BudgetDecision } from '../budget';

const KEY = 'serviceAnnouncement';

/**
 * Client-side budget for the service communications API, as documented for `/admin/serviceAnnouncement/*`: 240
 * requests per 60 s and 800 per hour, per app per tenant (all three collections share it). Both sliding windows
 * must have room; a `$batch` item counts like a request. Worked examples (one tenant):
 *
 * - A poll every minute with two batch items (issues, overviews) uses 120 of the hourly 800.
 * - 240 sends in one minute: the 241st is refused until the first leaves the 60 s window.
 * - 800 sends spread over 50 minutes: refused until the oldest is an hour old, even though each minute is quiet.
 * - A refused send records nothing in either window.
 */
export class ServiceHealthBudget {
  private readonly windows: RequestBudget[];

  constructor(opts: { now?: () => number; perMinute?: number; perHour?: number } = {}) {
    this.windows = [
      new RequestBudget({ limit: opts.perMinute ?? 240, windowMs: 60_000, now: opts.now }),
      new RequestBudget({ limit: opts.perHour ?? 800, windowMs: 3_600_000, now: opts.now }),
    ];
  }

  /** Records `count` sends when both windows have room; otherwise records nothing and says when they would. */
  tryAcquire(tenantId: string, count = 1): BudgetDecision {
    for (const w of this.windows) {
      const d = w.check(tenantId, KEY, count);
      if (!d.ok) return d;
    }
    let remaining = Number.POSITIVE_INFINITY;
    for (const w of this.windows) {
      const d = w.tryAcquire(tenantId, KEY, count);
      if (d.ok) remaining = Math.min(remaining, d.remaining);
    }
    return { ok: true, remaining };
  }
}
