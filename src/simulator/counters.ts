import type { RequestLogEntry } from './request-log';

/** Running totals, for tests and `GET /_sim/state`. */
export interface SimulatorCounters {
  requests: number;
  graphCalls: number;
  batches: number;
  tokensIssued: number;
  throttled: number;
  faultsInjected: number;
  byStatus: Record<string, number>;
}

/** A fresh zeroed counter set. */
export function emptyCounters(): SimulatorCounters {
  return {
    requests: 0,
    graphCalls: 0,
    batches: 0,
    tokensIssued: 0,
    throttled: 0,
    faultsInjected: 0,
    byStatus: {},
  };
}

/** Adds one logged request to the counters (mutates `c`). */
export function count(c: SimulatorCounters, e: RequestLogEntry): void {
  if (e.kind !== 'batch-item') c.requests += 1;
  if (e.kind === 'graph' || e.kind === 'batch-item') c.graphCalls += 1;
  if (e.kind === 'batch') c.batches += 1;
  if (e.kind === 'token' && e.status === 200) c.tokensIssued += 1;
  if (e.note === 'throttled') c.throttled += 1;
  if (e.note?.startsWith('fault:')) c.faultsInjected += 1;
  c.byStatus[String(e.status)] = (c.byStatus[String(e.status)] ?? 0) + 1;
}
