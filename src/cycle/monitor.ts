import type { Outbox } from '../delivery/outbox';
import type { Logger } from '../log/logger';
import type { PartitionLeases } from '../store/partitions/partition-leases';
import { nextPollAt } from '../monitor/schedule';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import type { HealthCycle } from './health-cycle';
import { runTenantCycle, type CycleDeps } from './tenant-cycle';
import { runPool } from './tenant-pool';
import type { CycleReport } from './types';

export interface MonitorOptions {
  cycle: CycleDeps;
  /** Microsoft's issues: polled for each tenant just before its telemetry cycle (so alert cards name them). */
  health?: HealthCycle;
  outbox: Outbox;
  leases: PartitionLeases;
  logger: Logger;
  /** Length of a polling cycle, aligned to wall-clock multiples (default 5 minutes; 15 s in demo mode). */
  cycleMs?: number;
  /** How often pending and retried deliveries are attempted between cycles (default 5 s). */
  drainMs?: number;
  /**
   * Tenants polled at once: a fixed number (default 4), or an `AdaptiveConcurrency` that learns it from how their
   * cycles go (more in flight at real Graph latency, fewer when Graph throttles or times out). Not the default yet:
   * it does not see rising latency, so against a CPU-bound Graph (the simulated tenant on two cores) its slow start
   * overshoots until requests time out.
   */
  concurrency?: number | AdaptiveConcurrency;
  /**
   * Whether a tenant may still be served (`ALLOWED_TENANTS`); asked at every cycle and drain. A refused tenant is not
   * polled, gets no digest and no card, and its stored data is left as it is. Default: every tenant.
   */
  tenantAllowed?: (tenantId: string) => boolean;
  now?: () => number;
}

/**
 * The alert monitor: at every cycle boundary, one cycle per tenant this instance owns (partition leases), then the
 * outbox is drained; between cycles the outbox is drained every few seconds so retries and quiet-hours releases go
 * out on time. A cycle that fails for one tenant is logged and does not stop the others. Tenants whose partition
 * this instance gains between boundaries (a peer died or left) get a cycle at once, so a failover costs the lease
 * time rather than the lease time plus a cycle; a tenant whose partition moved away mid-cycle is skipped. Tenants
 * outside `ALLOWED_TENANTS` are neither polled nor sent to, at every cycle and drain. One outbox drain runs at a time.
 */
export class Monitor {
  private timer?: NodeJS.Timeout;
  private drainTimer?: NodeJS.Timeout;
  /** Cycles run one after another: the scheduled ones and the catch-ups for gained partitions. */
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private unwatch?: () => void;
  private owned: ReadonlySet<number> = new Set();
  /** Tenants the last full cycle (and catch-ups since) polled: a catch-up polls owned tenants not in it. */
  private polled = new Set<string>();
  private readonly now: () => number;
  /** Tenants refused by `tenantAllowed` whose skip was logged (once each, until allowed again). */
  private readonly refused = new Set<string>();

  private readonly concurrency: AdaptiveConcurrency | undefined;

  constructor(private readonly o: MonitorOptions) {
    this.now = o.now ?? Date.now;
    this.concurrency = o.concurrency instanceof AdaptiveConcurrency ? o.concurrency : undefined;
  }

  /** Tenants polled at once right now. */
  get tenantsInFlight(): number {
    return this.concurrency?.limit ?? (typeof this.o.concurrency === 'number' ? this.o.concurrency : 4);
  }

  start(): void {
    this.stopped = false;
    this.unwatch?.();
    this.owned = new Set(this.o.leases.owned());
    this.logOwned();
    this.unwatch = this.o.leases.onChange((owned) => this.ownedChanged(owned));
    this.schedule();
    this.drainTimer = setInterval(() => void this.drain(), this.o.drainMs ?? 5_000);
    this.drainTimer.unref();
  }

  /**
   * Runs one cycle now for every owned tenant (or those `only` accepts) and drains the outbox; returns the
   * per-tenant reports.
   */
  async runOnce(at = this.now(), only?: (tenantId: string) => boolean): Promise<CycleReport[]> {
    const tenants = (await this.o.cycle.config.tenants(this.o.leases.owned())).filter(
      (t) => this.o.leases.owns(t) && this.allowed(t) && (!only || only(t)),
    );
    if (!only) this.polled = new Set();
    const reports: CycleReport[] = [];
    await runPool(
      tenants,
      () => this.tenantsInFlight,
      async (t) => {
        if (this.stopped) return; // stopping: the tenants left are polled by whoever owns them next
        if (!this.o.leases.owns(t)) return; // moved to another instance since the cycle began
        this.polled.add(t);
        await this.healthRound(t, at);
        try {
          const report = await runTenantCycle(t, at, this.o.cycle);
          reports.push(report);
          this.o.logger.debug(
            { tenantId: t, evaluations: report.evaluations, cardsQueued: report.cardsQueued },
            'monitor tenant cycle',
          );
          if (report.errors.length)
            this.o.logger.warn(
              { tenantId: t, errors: report.errors.slice(0, 5) },
              'monitor cycle: not every metric judged',
            );
          this.concurrency?.record(report.congested ? 'congested' : 'ok');
        } catch (err) {
          this.o.logger.error({ err, tenantId: t }, 'monitor cycle failed for a tenant');
        }
      },
    );
    await this.drain();
    return reports;
  }

  /**
   * Stops the timers, lets the tenants being polled finish (the rest of a running cycle is skipped), then settles the
   * outbox: the send in flight finishes, the cards not yet started stay pending for the next owner.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unwatch?.();
    this.unwatch = undefined;
    clearTimeout(this.timer);
    clearInterval(this.drainTimer);
    await this.chain;
    await this.o.outbox.settle();
  }

  private schedule(): void {
    if (this.stopped) return;
    const cycleMs = this.o.cycleMs ?? 5 * 60_000;
    const delay = Math.max(0, nextPollAt(this.now(), cycleMs) - this.now());
    this.timer = setTimeout(() => {
      void this.serially(() => this.runOnce())
        .then((reports) => this.o.logger.debug({ tenants: reports.length }, 'monitor cycle'))
        .catch((err) => this.o.logger.error({ err }, 'monitor cycle failed'))
        .finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  /** Logs the new set; when partitions were gained, polls their tenants now instead of at the next boundary. */
  private ownedChanged(owned: ReadonlySet<number>): void {
    const gained = [...owned].some((p) => !this.owned.has(p));
    this.owned = new Set(owned);
    this.logOwned();
    if (!gained || this.stopped) return;
    void this.serially(async () => {
      if (this.stopped) return [];
      const reports = await this.runOnce(this.now(), (t) => !this.polled.has(t));
      if (reports.length)
        this.o.logger.info({ tenants: reports.length }, 'monitor caught up on gained tenants');
      return reports;
    }).catch((err) => this.o.logger.error({ err }, 'monitor catch-up failed'));
  }

  /** The tenant's service health round; a failure is logged and never stops its telemetry cycle. */
  private async healthRound(tenantId: string, at: number): Promise<void> {
    if (!this.o.health) return;
    try {
      const report = await this.o.health.run(tenantId, at);
      if (report.errors.length)
        this.o.logger.warn({ tenantId, errors: report.errors }, 'service health round');
      else if (report.cardsPosted || report.cardsUpdated)
        this.o.logger.info(
          { tenantId, posted: report.cardsPosted, updated: report.cardsUpdated },
          "Microsoft's issue cards queued",
        );
    } catch (err) {
      this.o.logger.error({ err, tenantId }, 'service health round failed for a tenant');
    }
  }

  /** `tenantAllowed`, logging the first refusal of each tenant (not every cycle and drain). */
  private allowed(tenantId: string): boolean {
    if (this.o.tenantAllowed?.(tenantId) ?? true) {
      this.refused.delete(tenantId);
      return true;
    }
    if (!this.refused.has(tenantId)) {
      this.refused.add(tenantId);
      this.o.logger.warn(
        { tenantId },
        'tenant not in ALLOWED_TENANTS: not monitored and no cards sent; its stored data is kept',
      );
    }
    return false;
  }

  /** Which partitions (tenant id → partitionOf) this instance polls: the first thing to look at when tenants move. */
  private logOwned(): void {
    this.o.logger.info({ partitions: [...this.owned].sort((a, b) => a - b) }, 'monitor partitions owned');
  }

  private serially<T>(cycle: () => Promise<T>): Promise<T> {
    const run = this.chain.then(cycle);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<void> {
    try {
      await this.o.outbox.drain((t) => this.o.leases.owns(t) && this.allowed(t));
    } catch (err) {
      this.o.logger.error({ err }, 'outbox drain failed');
    }
  }
}
