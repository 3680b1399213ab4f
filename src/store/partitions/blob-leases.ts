import type { ContainerClient } from '@azure/storage-blob';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { deleteHeartbeat, pruneHeartbeats, readHeartbeats, writeHeartbeat } from './heartbeats';
import { fairShare, liveInstances, planLeases } from './lease-plan';
import { ensurePartitionBlobs, freePartitions, leaseBlobName } from './partition-blobs';
import type { PartitionLeases } from './partition-leases';
import { DEFAULT_PARTITIONS, partitionOf } from './partition-of';

export interface BlobLeasesOptions {
  /** K, `MONITOR_PARTITIONS`. Default 32. Every instance must use the same value. */
  partitions?: number;
  /** Azure blob lease duration, `LEASE_SECONDS`: 15 to 60. Default 30. */
  leaseSeconds?: number;
  /** Renew, heartbeat and rebalance period. Default a third of the lease. */
  renewMs?: number;
  /** A heartbeat older than this marks its instance dead. Default two renew periods. */
  staleMs?: number;
  /** While below its fair share, how often an instance looks for freed partitions. Default renewMs / 4. */
  retryMs?: number;
  /** Heartbeat name; letters, digits, `.`, `_`, `-`. Default host-pid-random. */
  instanceId?: string;
  /** Local clock for the ownership deadline; tests may fake it. */
  now?: () => number;
  /** Called with failures of a background round (the round is retried on the next tick). */
  onError?: (error: unknown) => void;
}

/**
 * Multi-instance partition ownership on Azure blob leases: one blob per partition, a heartbeat blob per
 * instance, and each round (every `renewMs`) renews held leases, counts live instances, releases above the fair
 * share ceil(K / live) and acquires free partitions below it. A dead instance's partitions move once its
 * leases expire; `stop()` releases them at once. Ownership is also bounded locally: a partition whose lease was
 * not renewed within the lease time minus one second stops counting as owned even if the round loop stalls.
 */
export class BlobLeases implements PartitionLeases {
  readonly instanceId: string;
  private readonly k: number;
  private readonly leaseSeconds: number;
  private readonly renewMs: number;
  private readonly staleMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  private readonly leaseId = randomUUID();
  /** Partition → local time until which we may treat it as ours. */
  private readonly validUntil = new Map<number, number>();
  private readonly listeners = new Set<(owned: ReadonlySet<number>) => void>();
  private current: ReadonlySet<number> = new Set();
  private live = 1;
  private nextFullAt = 0;
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;

  constructor(
    private readonly client: ContainerClient,
    private readonly options: BlobLeasesOptions = {},
  ) {
    this.k = options.partitions ?? DEFAULT_PARTITIONS;
    this.leaseSeconds = options.leaseSeconds ?? 30;
    if (!Number.isInteger(this.leaseSeconds) || this.leaseSeconds < 15 || this.leaseSeconds > 60)
      throw new RangeError(
        `LEASE_SECONDS must be a whole number from 15 to 60 (Azure's limits), got ${this.leaseSeconds}`,
      );
    if (!Number.isInteger(this.k) || this.k < 1)
      throw new RangeError(`MONITOR_PARTITIONS must be at least 1, got ${this.k}`);
    this.renewMs = options.renewMs ?? (this.leaseSeconds * 1000) / 3;
    if (this.renewMs >= this.leaseSeconds * 1000 - 1000)
      throw new RangeError(
        `renewMs (${this.renewMs}) must be well below the lease time (${this.leaseSeconds} s)`,
      );
    this.staleMs = options.staleMs ?? 2 * this.renewMs;
    this.retryMs = options.retryMs ?? this.renewMs / 4;
    this.now = options.now ?? Date.now;
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${this.leaseId.slice(0, 8)}`;
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(this.instanceId))
      throw new RangeError(
        `instance id "${this.instanceId}" may hold only letters, digits, ".", "_" and "-"`,
      );
  }

  async start(): Promise<void> {
    if (this.running) return;
    await ensurePartitionBlobs(this.client, this.k);
    this.running = true;
    // A failed first round is retried by the loop like any other; start() only fails on setup.
    await this.schedule(0, true).catch((e: unknown) => this.options.onError?.(e));
  }

  owned(): ReadonlySet<number> {
    this.dropExpired();
    return this.current;
  }

  owns(tenantId: string): boolean {
    return this.owned().has(partitionOf(tenantId, this.k));
  }

  onChange(cb: (owned: ReadonlySet<number>) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  async stop(): Promise<void> {
    if (!this.halt()) return;
    await this.queue;
    const held = [...this.validUntil.keys()];
    this.validUntil.clear();
    this.publish();
    await Promise.allSettled([
      ...held.map((p) => this.lease(p).releaseLease()),
      deleteHeartbeat(this.client, this.instanceId),
    ]);
  }

  /** Stops every timer without releasing anything, as a crash would; for failover tests and drills. */
  halt(): boolean {
    const was = this.running;
    this.running = false;
    clearTimeout(this.timer);
    return was;
  }

  /** Runs a round after `delayMs`, serialised with any round in flight; resolves when that round is done. */
  private schedule(delayMs: number, first = false): Promise<void> {
    clearTimeout(this.timer);
    const run = () => {
      const round = this.queue.then(() => this.round());
      this.queue = round.catch(() => undefined);
      return round;
    };
    if (first) return run();
    this.timer = setTimeout(() => void run().catch((e: unknown) => this.options.onError?.(e)), delayMs);
    this.timer.unref();
    return Promise.resolve();
  }

  private async round(): Promise<void> {
    if (!this.running) return;
    let below = false;
    try {
      if (this.now() >= this.nextFullAt) {
        this.nextFullAt = this.now() + this.renewMs;
        await this.renewAndCount();
      }
      below = await this.rebalance();
    } finally {
      this.publish();
      if (this.running) {
        const untilFull = Math.max(0, this.nextFullAt - this.now());
        void this.schedule(below ? Math.min(this.retryMs, untilFull) : untilFull);
      }
    }
  }

  /** Renewals first: a failing heartbeat must not cost the leases we hold. */
  private async renewAndCount(): Promise<void> {
    await Promise.all([...this.validUntil.keys()].map((p) => this.renew(p)));
    const serverNow = await writeHeartbeat(this.client, this.instanceId, [...this.validUntil.keys()]);
    const heartbeats = await readHeartbeats(this.client);
    this.live = liveInstances(heartbeats, this.instanceId, serverNow, this.staleMs);
    void pruneHeartbeats(this.client, heartbeats, serverNow, 10 * this.staleMs);
  }

  /** Releases above the fair share, acquires below it; true while still below (peers have yet to let go). */
  private async rebalance(): Promise<boolean> {
    this.dropExpired();
    if (this.validUntil.size === fairShare(this.k, this.live)) return false;
    const free =
      this.validUntil.size < fairShare(this.k, this.live) ? await freePartitions(this.client, this.k) : [];
    const plan = planLeases({
      partitions: this.k,
      liveInstances: this.live,
      owned: new Set(this.validUntil.keys()),
      free,
    });
    for (const p of plan.release) this.validUntil.delete(p);
    await Promise.allSettled(plan.release.map((p) => this.lease(p).releaseLease()));
    let want = plan.want;
    for (let i = 0; want > 0 && i < plan.candidates.length;) {
      const batch = plan.candidates.slice(i, i + want);
      i += batch.length;
      const won = await Promise.all(batch.map((p) => this.acquire(p)));
      want -= won.filter(Boolean).length;
    }
    return want > 0;
  }

  private async renew(p: number): Promise<void> {
    const sentAt = this.now();
    try {
      await this.lease(p).renewLease();
      this.validUntil.set(p, sentAt + this.leaseSeconds * 1000 - 1000);
    } catch (e) {
      this.validUntil.delete(p);
      this.options.onError?.(e);
    }
  }

  private async acquire(p: number): Promise<boolean> {
    const sentAt = this.now();
    try {
      await this.lease(p).acquireLease(this.leaseSeconds);
      this.validUntil.set(p, sentAt + this.leaseSeconds * 1000 - 1000);
      return true;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 409) this.options.onError?.(e);
      return false;
    }
  }

  private lease(p: number) {
    return this.client.getBlobClient(leaseBlobName(p)).getBlobLeaseClient(this.leaseId);
  }

  private dropExpired(): void {
    const t = this.now();
    for (const [p, until] of this.validUntil) if (until <= t) this.validUntil.delete(p);
    this.publish();
  }

  /** Notifies listeners when the owned set differs from the last one published. */
  private publish(): void {
    const next = this.validUntil;
    if (next.size === this.current.size && [...next.keys()].every((p) => this.current.has(p))) return;
    this.current = new Set([...next.keys()].sort((a, b) => a - b));
    for (const cb of this.listeners) cb(this.current);
  }
}
