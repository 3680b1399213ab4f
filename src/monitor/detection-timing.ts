/**
 * Bucket size the monitor judges rules on: Graph's finest aggregation, so a cycle every 5 minutes sees a new
 * bucket each time and a severe drop is judged 5 minutes after its bucket ends plus the settle time.
 */
export const BUCKET_MINUTES = 5;

/**
 * Minutes a bucket must have ended before it is judged (`MONITOR_SETTLE_MINUTES`): late-arriving telemetry makes a
 * fresh bucket read low. 10 is the simulator's ingestion lag (a minute's counts are complete 10 minutes after it
 * ends); Graph documents none. See docs/alerts.md "Settle time".
 */
export const DEFAULT_SETTLE_MINUTES = 10;

/** Settle time in demo mode: the demo incident fires at the first cycle after `subscribe`. */
export const DEMO_SETTLE_MINUTES = 2;

/** Longest settle time accepted: beyond it, a 6-hour window would judge little more than history. */
export const MAX_SETTLE_MINUTES = 120;
