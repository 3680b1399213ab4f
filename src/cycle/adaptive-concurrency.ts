/** How a tenant's cycle went, as the concurrency limit sees it. */
export type CycleOutcome = 'ok' | 'congested';

/** Default ceiling of tenants in flight (`MONITOR_CONCURRENCY_MAX`). */
export const DEFAULT_MAX_CONCURRENCY = 64;

export interface AdaptiveConcurrencyOptions {
  /** Tenants in flight at the start (default 4). */
  initial?: number;
  /** Never fewer than this (default 1). */
  min?: number;
  /**
   * Never more than this (default 64): the store, the process's sockets and Graph's per-app limit set the ceiling.
   * Each tenant in flight has one or two `$batch` requests open (ten on the day its history turns).
   */
  max?: number;
  /** A window whose mean Graph time exceeds this many times the best recent window's backs off (default 2). */
  latencyFactor?: number;
  /**
   * Slow start ends (growth becomes one per window) once a window's mean Graph time exceeds this many times the best
   * (default 1.25): latency that rises as the level doubles means Graph, the network or this process is saturating.
   */
  slowStartExit?: number;
  /** Windows the best Graph time is remembered for (default 20), so a lasting change of Graph's latency is relearnt. */
  latencyMemory?: number;
}

/**
 * How many tenants the monitor polls at once, learnt from how their Graph calls go (additive increase,
 * multiplicative decrease), kept across cycles.
 *
 * A window is `limit` finished tenants. While Graph answers within `latencyFactor` × the best mean Graph time of the
 * last `latencyMemory` windows, the limit doubles once per window (slow start, so a cycle over thousands of tenants
 * at real Graph latency reaches its working level within the cycle) and, once a window's mean passes
 * `slowStartExit` × the best or after the first decrease, grows by one per window. It halves when a tenant's cycle is congested (Graph answered 429 or timed out: at once, then at most once
 * per window) or when a window's mean Graph time exceeds that bound (the process, the network or Graph is
 * saturated: more tenants at once would only queue). The window after a decrease is as long as the old limit, so
 * the tenants already in flight when Graph pushed back do not halve it again. A window whose tenants were all served
 * from the cache carries no evidence and leaves the limit as it is.
 *
 * Worked example (defaults): at 4 in flight windows average 320 ms → 8 → 16; at 16 a window averages 420 ms
 * (> 1.25 × 320): 17, 18… one per window; at 24 a window averages 700 ms (> 2 × 320): back to 12, then 13, 14…
 * A Graph that is CPU-bound (latency proportional to the load) ends slow start at the first doubling.
 */
export class AdaptiveConcurrency {
  private current: number;
  private readonly min: number;
  private readonly max: number;
  private readonly factor: number;
  private readonly exit: number;
  private readonly memory: number;
  private slowStart = true;
  /** Tenants finished since the limit last changed. */
  private finished = 0;
  /** Tenants that close the current window: the limit, or after a decrease the tenants already in flight then. */
  private window: number;
  /** Graph time of the current window's tenants that called Graph. */
  private latencySum = 0;
  private latencyCount = 0;
  /** Mean Graph time of the last `memory` windows that called Graph, oldest first. */
  private readonly recent: number[] = [];

  constructor(o: AdaptiveConcurrencyOptions = {}) {
    this.min = Math.max(1, o.min ?? 1);
    this.max = Math.max(this.min, o.max ?? DEFAULT_MAX_CONCURRENCY);
    this.current = clamp(o.initial ?? 4, this.min, this.max);
    this.window = this.current;
    this.factor = Math.max(1, o.latencyFactor ?? 2);
    this.exit = Math.max(1, o.slowStartExit ?? 1.25);
    this.memory = Math.max(1, o.latencyMemory ?? 20);
  }

  /** Tenants that may be in flight now. */
  get limit(): number {
    return this.current;
  }

  /** The best mean Graph time of the remembered windows (ms), if any window called Graph. */
  get bestLatencyMs(): number | undefined {
    return this.recent.length ? Math.min(...this.recent) : undefined;
  }

  /**
   * One tenant's cycle finished; `graphMs` is how long its Graph fetch took, when it called Graph (a tenant served
   * from the cache says nothing about Graph's latency).
   */
  record(outcome: CycleOutcome, graphMs?: number): void {
    this.finished++;
    if (graphMs !== undefined && Number.isFinite(graphMs) && graphMs >= 0) {
      this.latencySum += graphMs;
      this.latencyCount++;
    }
    const windowDone = this.finished >= this.window;
    if (outcome === 'congested') {
      if (!windowDone && !this.slowStart) return;
      this.decrease();
      return;
    }
    if (!windowDone) return;
    if (this.latencyCount === 0) {
      this.reset(this.current);
      return;
    }
    const mean = this.latencySum / this.latencyCount;
    const best = this.bestLatencyMs;
    this.recent.push(mean);
    if (this.recent.length > this.memory) this.recent.shift();
    if (best !== undefined && mean > this.factor * best) return this.decrease();
    if (best !== undefined && mean > this.exit * best) this.slowStart = false;
    this.change(this.slowStart ? this.current * 2 : this.current + 1);
  }

  private decrease(): void {
    this.slowStart = false;
    this.change(Math.floor(this.current / 2));
  }

  private change(next: number): void {
    const before = this.current;
    this.current = clamp(next, this.min, this.max);
    this.reset(Math.max(this.current, before));
  }

  private reset(window: number): void {
    this.window = window;
    this.finished = 0;
    this.latencySum = 0;
    this.latencyCount = 0;
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
