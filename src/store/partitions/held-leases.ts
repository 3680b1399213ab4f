import type { ContainerClient } from '@azure/storage-blob';
import { leaseBlobName } from './partition-blobs';

/** Margin between our local deadline and the earliest moment the service could let the lease lapse. */
const SAFETY_MS = 1_000;

/**
 * The partition leases one instance holds, all under one lease id, each with a local deadline: the time the
 * acquire or renew request was sent plus the lease duration minus a second. Past it the partition no longer
 * counts as held, whether or not a renewal is still on its way, so two instances never both act on one.
 */
export class HeldLeases {
  private readonly until = new Map<number, number>();

  constructor(
    private readonly client: ContainerClient,
    private readonly leaseId: string,
    private readonly leaseSeconds: number,
    private readonly now: () => number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Held partitions whose deadline has not passed, ascending. */
  partitions(): number[] {
    const t = this.now();
    for (const [p, until] of this.until) if (until <= t) this.until.delete(p);
    return [...this.until.keys()].sort((a, b) => a - b);
  }

  /** Renews every held lease; one that fails (lost to another instance, or unreachable) is dropped. */
  async renewAll(): Promise<void> {
    await Promise.all(
      [...this.until.keys()].map(async (p) => {
        const sentAt = this.now();
        try {
          await this.lease(p).renewLease();
          this.until.set(p, sentAt + this.leaseSeconds * 1000 - SAFETY_MS);
        } catch (e) {
          this.until.delete(p);
          this.onError(e);
        }
      }),
    );
  }

  /** True when the lease was free (or already ours) and is now held; 409 means another instance holds it. */
  async acquire(p: number): Promise<boolean> {
    const sentAt = this.now();
    try {
      await this.lease(p).acquireLease(this.leaseSeconds);
      this.until.set(p, sentAt + this.leaseSeconds * 1000 - SAFETY_MS);
      return true;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 409) this.onError(e);
      return false;
    }
  }

  /** Stops counting `partitions` as held at once, then releases them so others need not wait for expiry. */
  async release(partitions: readonly number[]): Promise<void> {
    partitions.forEach((p) => this.until.delete(p));
    const results = await Promise.allSettled(partitions.map((p) => this.lease(p).releaseLease()));
    results.forEach((r) => r.status === 'rejected' && this.onError(r.reason));
  }

  private lease(p: number) {
    return this.client.getBlobClient(leaseBlobName(p)).getBlobLeaseClient(this.leaseId);
  }
}
