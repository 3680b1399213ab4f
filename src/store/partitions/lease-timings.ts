import { DEFAULT_PARTITIONS } from './partition-of';

/** The knobs of BlobLeases; every instance of one deployment must use the same values. */
export interface LeaseTimingOptions {
  /** K, `MONITOR_PARTITIONS`. Default 32. */
  partitions?: number;
  /** Azure blob lease duration, `LEASE_SECONDS`: 15 to 60. Default 30. */
  leaseSeconds?: number;
  /** Renew, heartbeat and rebalance period. Default a third of the lease. */
  renewMs?: number;
  /** A heartbeat older than this marks its instance dead. Default two renew periods. */
  staleMs?: number;
  /** While below its fair share, how often an instance looks for freed partitions. Default renewMs / 4. */
  retryMs?: number;
}

export type LeaseTimings = Required<LeaseTimingOptions>;

/** Fills the defaults and rejects values Azure refuses or that would let leases lapse between renewals. */
export function leaseTimings(options: LeaseTimingOptions): LeaseTimings {
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  const leaseSeconds = options.leaseSeconds ?? 30;
  if (!Number.isInteger(leaseSeconds) || leaseSeconds < 15 || leaseSeconds > 60)
    throw new RangeError(
      `LEASE_SECONDS must be a whole number from 15 to 60 (Azure's limits), got ${leaseSeconds}`,
    );
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new RangeError(`MONITOR_PARTITIONS must be at least 1, got ${partitions}`);
  const renewMs = options.renewMs ?? (leaseSeconds * 1000) / 3;
  if (!(renewMs > 0 && renewMs < leaseSeconds * 1000 - 1000))
    throw new RangeError(`renewMs (${renewMs}) must be well below the lease time (${leaseSeconds} s)`);
  return {
    partitions,
    leaseSeconds,
    renewMs,
    staleMs: options.staleMs ?? 2 * renewMs,
    retryMs: options.retryMs ?? renewMs / 4,
  };
}
