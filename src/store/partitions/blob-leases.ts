import type { ContainerClient } from '@azure/storage-blob';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { deleteHeartbeat, pruneHeartbeats, readHeartbeats, writeHeartbeat } from './heartbeats';
import { fairShare, liveInstances, planLeases } from './lease-plan';
import { HeldLeases } from './held-leases';
import { ensurePartitionBlobs, freePartitions } from './partition-blobs';
import type { PartitionLeases } from './partition-leases';
import { leaseTimings, type LeaseTimingOptions, type LeaseTimings } from './lease-timings';
import { partitionOf } from './partition-of';

export interface BlobLeasesOptions extends LeaseTimingOptions {
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
  private readonly t: LeaseTimings;
  private readonly held: HeldLeases;
  private readonly listeners = new Set<(owned: ReadonlySet<number>) => void>();
  private current: ReadonlySet<number> = new Set();
  private live = 1;
  private nextFullAt = 0;
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private readonly now = (): number => (this.options.now ?? Date.now)();

  constructor(
    private readonly client: ContainerClient,
    private readonly options: BlobLeasesOptions = {},
  ) {
    this.t = leaseTimings(options);
    const leaseId = randomUUID();
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${leaseId.slice(0, 8)}`;
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(this.instanceId))
      throw new RangeError(
        `instance id "${this.instanceId}" may hold only letters, digits, ".", "_" and "-"`,
      );
    const onError = (e: unknown) => options.onError?.(e);
    this.held = new HeldLeases(client, leaseId, this.t.leaseSeconds, this.now, onError);
  }

  async start(): Promise<void> {
    if (this.running) return;
    await ensurePartitionBlobs(this.client, this.t.partitions);
    this.running = true;
    // A failed first round is retried by the loop like any other; start() only fails on setup.
    await this.schedule(0, true).catch((e: unknown) => this.options.onError?.(e));
  }

  owned(): ReadonlySet<number> {
    this.publish();
    return this.current;
  }

  owns(tenantId: string): boolean {
    return this.owned().has(partitionOf(tenantId, this.t.partitions));
  }

  liveInstances(): number {
    return this.live;
  }

  onChange(cb: (owned: ReadonlySet<number>) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  async stop(): Promise<void> {
    if (!this.halt()) return;
    await this.queue;
    const release = this.held.release(this.held.partitions());
    this.publish();
    await Promise.allSettled([release, deleteHeartbeat(this.client, this.instanceId)]);
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
        this.nextFullAt = this.now() + this.t.renewMs;
        await this.renewAndCount();
      }
      below = await this.rebalance();
    } finally {
      this.publish();
      if (this.running) {
        const untilFull = Math.max(0, this.nextFullAt - this.now());
        void this.schedule(below ? Math.min(this.t.retryMs, untilFull) : untilFull);
      }
    }
  }

  /** Renewals first: a failing heartbeat must not cost the leases we hold. */
  private async renewAndCount(): Promise<void> {
    await this.held.renewAll();
    const serverNow = await writeHeartbeat(this.client, this.instanceId, this.held.partitions());
    const heartbeats = await readHeartbeats(this.client);
    this.live = liveInstances(heartbeats, this.instanceId, serverNow, this.t.staleMs);
    void pruneHeartbeats(this.client, heartbeats, serverNow, 10 * this.t.staleMs);
  }

  /** Releases above the fair share, acquires below it; true while still below (peers have yet to let go). */
  private async rebalance(): Promise<boolean> {
    const owned = new Set(this.held.partitions());
    const target = fairShare(this.t.partitions, this.live);
    if (owned.size === target) return false;
    const free = owned.size < target ? await freePartitions(this.client, this.t.partitions) : [];
    const plan = planLeases({ partitions: this.t.partitions, liveInstances: this.live, owned, free });
    await this.held.release(plan.release);
    let want = plan.want;
    for (let i = 0; want > 0 && i < plan.candidates.length;) {
      const batch = plan.candidates.slice(i, i + want);
      i += batch.length;
      const won = await Promise.all(batch.map((p) => this.held.acquire(p)));
      want -= won.filter(Boolean).length;
    }
    return want > 0;
  }

  /** Notifies listeners when the owned set differs from the last one published. */
  private publish(): void {
    const next = this.held.partitions();
    if (next.length === this.current.size && next.every((p) => this.current.has(p))) return;
    this.current = new Set(next);
    for (const cb of this.listeners) cb(this.current);
  }
}
