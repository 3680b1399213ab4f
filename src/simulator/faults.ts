import { uniform } from './series/random';

/**
 * Injected failures for Graph serviceActivity calls (direct and inside batches). Rates are shares in [0, 1] drawn
 * from a deterministic sequence, so a test with rate 1 always fails and rate 0.5 fails the same calls every run.
 */
export interface FaultSettings {
  /** Extra latency before every Graph response, in ms. */
  latencyMs?: number;
  /** Share of calls answered with `errorStatus` (default 503). */
  errorRate?: number;
  errorStatus?: 500 | 502 | 503 | 504;
  /** Share of calls answered 429 TooManyRequests: a "429 storm". */
  throttleRate?: number;
  /** Retry-After (seconds) on injected 429s (default 2) and 503/504s (only when set). */
  retryAfterSeconds?: number;
  /** Share of calls answered 200 with a truncated, unparsable JSON body. */
  malformedRate?: number;
  /** Answer 200 with `value: []`. */
  emptySeries?: boolean;
  /** Only these function names are affected (default all). */
  functions?: readonly string[];
  /** Only these tenants are affected (default all). */
  tenants?: readonly string[];
  /** Apply to the next N affected calls only, then clear the faults (e.g. "503 once, then recover"). */
  remaining?: number;
  /** Return batch responses in reverse order (Graph may return them in any order). */
  shuffleBatch?: boolean;
}

/** What the fault layer decided for one call. */
export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'error'; status: number; retryAfterSeconds?: number }
  | { kind: 'malformed' }
  | { kind: 'empty' };

/** Pure decision for one call given a uniform draw `u` in [0, 1). */
export function decideFault(s: FaultSettings, fn: string, tenantId: string, u: number): FaultOutcome {
  if (s.functions && !s.functions.includes(fn)) return { kind: 'none' };
  if (s.tenants && !s.tenants.includes(tenantId)) return { kind: 'none' };
  const throttle = s.throttleRate ?? 0;
  const error = throttle + (s.errorRate ?? 0);
  const malformed = error + (s.malformedRate ?? 0);
  if (u < throttle) return { kind: 'throttle', retryAfterSeconds: s.retryAfterSeconds ?? 2 };
  if (u < error) {
    const status = s.errorStatus ?? 503;
    const retry = status === 503 || status === 504 ? s.retryAfterSeconds : undefined;
    return { kind: 'error', status, retryAfterSeconds: retry };
  }
  if (u < malformed) return { kind: 'malformed' };
  return s.emptySeries ? { kind: 'empty' } : { kind: 'none' };
}

/** Mutable fault state with a deterministic draw sequence and the `remaining` countdown. */
export class FaultState {
  private settings: FaultSettings = {};
  private draws = 0;

  constructor(private readonly seed: number) {}

  set(settings: FaultSettings): void {
    this.settings = { ...settings };
  }

  clear(): void {
    this.settings = {};
  }

  get(): FaultSettings {
    return { ...this.settings };
  }

  /** Decides the fault for one call and counts it against `remaining`. */
  next(fn: string, tenantId: string): FaultOutcome {
    const outcome = decideFault(this.settings, fn, tenantId, uniform(this.seed, 0xfa17, this.draws++));
    if (outcome.kind !== 'none' && this.settings.remaining !== undefined) {
      this.settings.remaining -= 1;
      if (this.settings.remaining <= 0) this.clear();
    }
    return outcome;
  }
}
