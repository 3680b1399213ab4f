/** How a tenant's cycle went, as the concurrency limit sees it. */
export type CycleOutcome = 'ok' | 'congested';

export interface AdaptiveConcurrencyOptions {
  /** Tenants in flight at the start (default 4). */
  initial?: number;
  /** Never fewer than this (default 1). */
  min?: number;
  /** Never more than this (default 64): the store, the process's sockets and Graph's per-app limit set the ceiling. */
  max?: number;
}

/**
 * How many tenants the monitor polls at once, learnt from how their cycles go (additive increase, multiplicative
 * decrease). It starts by doubling once per window of `limit` finished tenants (slow start, so a cycle over thousands
 * of tenants at real Graph latency reaches its working level within the cycle); after the first congestion it adds
 * one per window. A congested cycle (Graph answered 429, or timed out) halves the limit, at most once per window; the
 * window after a decrease is as long as the old limit, so the tenants already in flight when Graph pushed back do not
 * halve it again. Kept across cycles.
 */
export class AdaptiveConcurrency {
  private current: number;
  private readonly min: number;
  private readonly max: number;
  private slowStart = true;
  /** Tenants finished since the limit last changed. */
  private finished = 0;
  /** Tenants that close the current window: the limit, or after a decrease the tenants already in flight then. */
  private window: number;

  constructor(o: AdaptiveConcurrencyOptions = {}) {
    this.min = Math.max(1, o.min ?? 1);
    this.max = Math.max(this.min, o.max ?? 64);
    this.current = clamp(o.initial ?? 4, this.min, this.max);
    this.window = this.current;
  }

  /** Tenants that may be in flight now. */
  get limit(): number {
    return this.current;
  }

  /** One tenant's cycle finished. */
  record(outcome: CycleOutcome): void {
    this.finished++;
    const windowDone = this.finished >= this.window;
    if (outcome === 'congested') {
      if (!windowDone && !this.slowStart) return;
      this.slowStart = false;
      this.change(Math.floor(this.current / 2));
      return;
    }
    if (windowDone) this.change(this.slowStart ? this.current * 2 : this.current + 1);
  }

  private change(next: number): void {
    const before = this.current;
    this.current = clamp(next, this.min, this.max);
    this.window = Math.max(this.current, before);
    this.finished = 0;
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
