import type { ChaosOptions } from './chaos-run';

/**
 * The short run CI does inside `npm test` (two rounds, a few minutes) and the long one `npm run chaos` does (more
 * rounds, harsher faults). Rates are shares of requests; resets and errors happen before the service sees the request.
 */
export const CHAOS_PROFILES: Record<'short' | 'long', Omit<ChaosOptions, 'log'>> = {
  short: {
    rounds: 2,
    store: { errorRate: 0.04, resetRate: 0.02, slowRate: 0.03, slowMs: 1_500 },
    graph: {
      throttleRate: 0.1,
      retryAfterSeconds: 1,
      errorRate: 0.05,
      errorStatuses: [503, 504],
      slowRate: 0.05,
      slowMs: 3_000,
    },
    connector: {
      throttleRate: 0.15,
      retryAfterSeconds: 1,
      errorRate: 0.1,
      errorStatuses: [502, 503],
      resetRate: 0.05,
      slowRate: 0.1,
      slowMs: 1_500,
    },
    graphMalformedRate: 0.03,
  },
  long: {
    rounds: 6,
    store: { errorRate: 0.08, resetRate: 0.04, slowRate: 0.05, slowMs: 3_000 },
    graph: {
      throttleRate: 0.2,
      retryAfterSeconds: 2,
      errorRate: 0.1,
      errorStatuses: [503, 504],
      slowRate: 0.1,
      slowMs: 5_000,
    },
    connector: {
      throttleRate: 0.2,
      retryAfterSeconds: 2,
      errorRate: 0.15,
      errorStatuses: [502, 503],
      resetRate: 0.08,
      slowRate: 0.15,
      slowMs: 2_500,
    },
    graphMalformedRate: 0.05,
  },
};
