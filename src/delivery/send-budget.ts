/** A cap: at most `max` sends in any sliding window of `windowMs`. */
export interface Cap {
  windowMs: number;
  max: number;
}

/** Teams' documented per-bot, per-conversation send limits (rate-limit.md): 7/1 s, 8/2 s, 60/30 s, 1,800/h. */
export const CONVERSATION_CAPS: readonly Cap[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/** Per app per tenant: Teams documents 30 requests per second (a later answer says 50); we keep to 30. */
export const TENANT_CAPS: readonly Cap[] = [{ windowMs: 1_000, max: 30 }];

export type Reservation = { ok: true } | { ok: false; retryAt: number };

/**
 * Sliding-window send budget, per conversation and per tenant. A send is allowed when, for every cap, fewer than
 * `max` sends were made in the `windowMs` before now; it is then recorded in both the conversation's and the
 * tenant's history. Otherwise nothing is recorded and `retryAt` says when the oldest send blocking it leaves its
 * window.
 *
 * Worked examples (conversation caps):
 * - 7 sends at t = 0 ms: all allowed. An 8th at t = 10 ms is refused with retryAt = 1,000 (the first send leaves the
 *   1 s window then).
 * - At t = 1,000 ms the 8th is allowed (1 s window holds 6, 2 s window holds 7 < 8). A 9th at t = 1,001 ms is refused
 *   by the 2 s cap (8 sends since t = -999) with retryAt = 2,000.
 * - One send per second: the 1 s, 2 s and 30 s caps never bind (1, 2 and 30 sends in window), but the hourly cap
 *   does: the 1,801st send within an hour is refused until the first of them is an hour old. A storm in one
 *   conversation is thus held to 60 per 30 s and 1,800 per hour; the rest waits in the outbox.
 */
export class SendBudget {
  private readonly history = new Map<string, number[]>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly conversationCaps: readonly Cap[] = CONVERSATION_CAPS,
    private readonly tenantCaps: readonly Cap[] = TENANT_CAPS,
  ) {}

  reserve(conversationKey: string, tenantId: string, now: number): Reservation {
    this.sweep(now);
    const conv = this.prune(`c|${conversationKey}`, this.conversationCaps, now);
    const tenant = this.prune(`t|${tenantId.toLowerCase()}`, this.tenantCaps, now);
    const retryAt = Math.max(
      blockedUntil(conv, this.conversationCaps, now),
      blockedUntil(tenant, this.tenantCaps, now),
    );
    if (retryAt > now) return { ok: false, retryAt };
    conv.push(now);
    tenant.push(now);
    return { ok: true };
  }

  /** Conversations and tenants tracked: those with a send inside their longest window (plus at most an hour's). */
  get size(): number {
    return this.history.size;
  }

  /**
   * Forgets keys with no send inside their longest window, at most once per hour of `now`: a conversation that got
   * one alert last month no longer holds memory, and the sweep costs one pass over the keys per hour.
   */
  private sweep(now: number): void {
    if (now - this.sweptAt < 3_600_000) return;
    this.sweptAt = now;
    const longest = (caps: readonly Cap[]) => Math.max(...caps.map((c) => c.windowMs));
    for (const [key, sends] of this.history) {
      const window = longest(key.startsWith('c|') ? this.conversationCaps : this.tenantCaps);
      if (!sends.some((t) => t > now - window)) this.history.delete(key);
    }
  }

  private prune(key: string, caps: readonly Cap[], now: number): number[] {
    const longest = Math.max(...caps.map((c) => c.windowMs));
    const kept = (this.history.get(key) ?? []).filter((t) => t > now - longest);
    this.history.set(key, kept);
    return kept;
  }
}

/** The earliest time every cap has room again (`now` when it already has). */
function blockedUntil(sends: readonly number[], caps: readonly Cap[], now: number): number {
  let until = now;
  for (const cap of caps) {
    const inWindow = sends.filter((t) => t > now - cap.windowMs);
    if (inWindow.length >= cap.max)
      until = Math.max(until, inWindow[inWindow.length - cap.max] + cap.windowMs);
  }
  return until;
}
