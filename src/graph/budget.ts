/** Outcome of a budget check: how many sends are left, or when the next one would be allowed. */
export type BudgetDecision = { ok: true; remaining: number } | { ok: false; retryAt: number; remaining: 0 };

/**
 * Who a send is for. `monitor`: the alert cycle. `user`: a signed-in user's reads, and access probes of users who
 * proved access recently. `probe`: access probes of users with no recent proof (anyone of the tenant can cause one).
 */
export type BudgetLane = 'monitor' | 'user' | 'probe';

export interface RequestBudgetOptions {
  /** Sends allowed per window per tenant and function. Defaults to Graph's documented 100. */
  limit?: number;
  /**
   * Units of every key only the monitor may use: users and probes together never hold more than
   * `limit - monitorReserve`. Default 0 (one shared budget, as the CLI needs).
   */
  monitorReserve?: number;
  /** Most units of a key that `probe` sends may hold at once. Default: no cap beyond the user share. */
  probeLimit?: number;
  /** Window length in ms. Defaults to 10 minutes. */
  windowMs?: number;
  now?: () => number;
  /**
   * N, the most bot processes that share the app registration's quota within any window (see the class comment).
   * Default 1: this process is alone and may use the whole limit.
   */
  instances?: number;
  /**
   * Since when (same clock as `now`) this process has held the tenant's partition lease without a break, or
   * undefined when another instance holds it. Absent: every tenant counts as held since forever (one process).
   */
  heldSince?: (tenantId: string) => number | undefined;
}

/** The caps one process works under for one key: every lane together, users and probes, probes alone. */
export interface BudgetCaps {
  all: number;
  users: number;
  probes: number;
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
 *
 * Lanes (with `monitorReserve: 25, probeLimit: 15`, limit 100): the monitor may use all 100 units of a key; users
 * and probes together at most 75, so 25 are always left for the monitor; probes of users with no recent proof at
 * most 15 of those 75, so people who never proved access cannot crowd out admins who did.
 *
 * - 12:00, 15 `probe` sends: allowed; the 16th is refused with `retryAt` 12:10, and a `user` send is still allowed.
 * - 12:01, 60 `user` sends: allowed (15 + 60 = 75); the next `user` or `probe` send is refused until 12:10.
 * - 12:02, 25 `monitor` sends: allowed (all 100 units now in use); the 26th is refused until 12:10.
 * - Without sends from users, the monitor may take all 100; users then wait as before (a reservation protects the
 *   monitor's share, it is not a quota the monitor must stay inside).
 *
 * Several processes (`instances: N`): the budget is counted in each process, with no store round trip, yet the sum
 * over the N processes stays within `limit`. Users of every process get the same slice `s = floor((limit -
 * monitorReserve) / N)`; the monitor's reserve belongs to the tenant's partition owner, and only once it has held the
 * partition for a whole window. So for each key a process may hold `monitorReserve + s` units (all lanes) when it
 * is that settled owner and `s` otherwise; users and probes never more than `s`. With limit 100, reserve 25, N = 3:
 * s = 25; the owner's monitor may use 50 (its 25 plus the owner's own chat slice), each other instance 25;
 * 50 + 25 + 25 = 100.
 *
 * Why the sum holds: a process's sends in any window `(t - W, t]` number at most the cap it had at its last send in
 * that window (that send saw every earlier one of the window in its own sliding log). Two processes cannot both
 * have had the owner's cap in one window: each would have held the lease through the `W` before its send, and those
 * two spans overlap while a lease has one holder at a time. So any window holds at most `reserve + s` from one
 * process and `s` from each other: `reserve + N × s <= limit`. A new owner (after a partition move) therefore works
 * under `s` for its first 10 minutes, while the previous owner's sends leave the window; a process that loses the
 * lease drops to `s` at once. What this needs: at most N processes send within any window; a process that
 * replaces another (restart, rolling deploy) counts as one more until its predecessor's last window has passed.
 * With N = 1 there is nobody to share with and ownership does not matter: the limits are as above.
 */
export class RequestBudget {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly reserve: number;
  private readonly slice: number;
  private readonly probeLimit: number;
  private readonly instances: number;
  private readonly heldSince?: (tenantId: string) => number | undefined;
  private readonly sends = new Map<string, Record<BudgetLane, number[]>>();

  constructor(opts: RequestBudgetOptions = {}) {
    this.limit = opts.limit ?? 100;
    this.windowMs = opts.windowMs ?? 600_000;
    this.now = opts.now ?? Date.now;
    if (!(this.limit >= 1) || !(this.windowMs > 0))
      throw new RangeError('RequestBudget needs limit >= 1 and windowMs > 0');
    const reserve = opts.monitorReserve ?? 0;
    if (!(reserve >= 0 && reserve < this.limit))
      throw new RangeError('RequestBudget needs 0 <= monitorReserve < limit');
    this.instances = opts.instances ?? 1;
    if (!Number.isInteger(this.instances) || this.instances < 1 || this.instances > this.limit - reserve)
      throw new RangeError('RequestBudget needs 1 <= instances <= limit - monitorReserve');
    this.reserve = reserve;
    this.slice = Math.floor((this.limit - reserve) / this.instances);
    this.probeLimit = opts.probeLimit ?? this.slice;
    this.heldSince = opts.heldSince;
  }

  /** The caps this process works under for the tenant right now (see the class comment). */
  capsFor(tenantId: string): BudgetCaps {
    const users = this.slice;
    const probes = Math.min(this.probeLimit, users);
    return { all: this.settledOwner(tenantId) ? this.reserve + users : users, users, probes };
  }

  private settledOwner(tenantId: string): boolean {
    if (!this.heldSince) return true;
    const since = this.heldSince(tenantId);
    if (since === undefined) return false;
    return this.instances === 1 || this.now() - since >= this.windowMs;
  }

  /** Would `count` sends of `lane` be allowed now? Records nothing. */
  check(tenantId: string, fn: string, count = 1, lane: BudgetLane = 'user'): BudgetDecision {
    return this.decide(this.live(key(tenantId, fn), this.now()), count, lane, this.capsFor(tenantId));
  }

  /** Records `count` sends of `lane` if all fit in its share; otherwise records nothing and says when they would. */
  tryAcquire(tenantId: string, fn: string, count = 1, lane: BudgetLane = 'user'): BudgetDecision {
    const k = key(tenantId, fn);
    const now = this.now();
    const logs = this.live(k, now);
    const decision = this.decide(logs, count, lane, this.capsFor(tenantId));
    if (decision.ok) {
      for (let i = 0; i < count; i++) logs[lane].push(now);
      this.sends.set(k, logs);
    }
    return decision;
  }

  /** Sends of `lane` left for the key right now. */
  remaining(tenantId: string, fn: string, lane: BudgetLane = 'user'): number {
    const d = this.decide(this.live(key(tenantId, fn), this.now()), 1, lane, this.capsFor(tenantId));
    return d.ok ? d.remaining + 1 : 0;
  }

  /** Every cap the lane is under: (the sends counted against it, its size). All must have room. */
  private caps(logs: Record<BudgetLane, number[]>, lane: BudgetLane, caps: BudgetCaps): [number[], number][] {
    const all: [number[], number] = [[...logs.monitor, ...logs.user, ...logs.probe], caps.all];
    const users: [number[], number] = [[...logs.user, ...logs.probe], caps.users];
    if (lane === 'monitor') return [all];
    if (lane === 'user') return [all, users];
    return [all, users, [logs.probe, caps.probes]];
  }

  private decide(
    logs: Record<BudgetLane, number[]>,
    count: number,
    lane: BudgetLane,
    caps: BudgetCaps,
  ): BudgetDecision {
    let remaining = Number.POSITIVE_INFINITY;
    let retryAt = 0;
    for (const [counted, cap] of this.caps(logs, lane, caps)) {
      if (count > cap) return { ok: false, retryAt: Number.POSITIVE_INFINITY, remaining: 0 };
      const free = cap - counted.length;
      if (count <= free) remaining = Math.min(remaining, free - count);
      // The (count - free) oldest counted sends must leave the window first.
      else retryAt = Math.max(retryAt, [...counted].sort((a, b) => a - b)[count - free - 1] + this.windowMs);
    }
    return retryAt ? { ok: false, retryAt, remaining: 0 } : { ok: true, remaining };
  }

  /** The key's sends per lane still inside the window at `now`, oldest first; prunes expired ones. */
  private live(k: string, now: number): Record<BudgetLane, number[]> {
    const logs = this.sends.get(k);
    if (!logs) return { monitor: [], user: [], probe: [] };
    for (const log of Object.values(logs)) {
      let drop = 0;
      while (drop < log.length && log[drop] <= now - this.windowMs) drop++;
      if (drop > 0) log.splice(0, drop);
    }
    if (!logs.monitor.length && !logs.user.length && !logs.probe.length) this.sends.delete(k);
    return logs;
  }
}

function key(tenantId: string, fn: string): string {
  return `${tenantId}\u0000${fn}`;
}
