import type { Outbox } from '../../delivery/outbox';
import type { Logger } from '../../log/logger';
import type { PartitionLeases } from '../../store/partitions/partition-leases';
import { nextPollAt } from '../schedule';
import { runTenantCycle, type CycleDeps } from './tenant-cycle';
import type { CycleReport } from './types';

export interface MonitorOptions {
  cycle: CycleDeps;
  outbox: Outbox;
  leases: PartitionLeases;
  logger: Logger;
  /** Length of a polling cycle, aligned to wall-clock multiples (default 5 minutes; 15 s in demo mode). */
  cycleMs?: number;
  /** How often pending and retried deliveries are attempted between cycles (default 5 s). */
  drainMs?: number;
  /** Tenants polled at once (default 4). */
  concurrency?: number;
  now?: () => number;
}

/**
 * The alert monitor: at every cycle boundary, one cycle per tenant this instance owns (partition leases), then the
 * outbox is drained; between cycles the outbox is drained every few seconds so retries and quiet-hours releases go
 * out on time. A cycle that fails for one tenant is logged and does not stop the others.
 */
export class Monitor {
  private timer?: NodeJS.Timeout;
  private drainTimer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly o: MonitorOptions) {
    this.now = o.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.schedule();
    this.drainTimer = setInterval(() => void this.drain(), this.o.drainMs ?? 5_000);
    this.drainTimer.unref();
  }

  /** Runs one cycle now for every owned tenant and drains the outbox; returns the per-tenant reports. */
  async runOnce(at = this.now()): Promise<CycleReport[]> {
    const tenants = (await this.o.cycle.config.tenants()).filter((t) => this.o.leases.owns(t));
    const reports: CycleReport[] = [];
    const queue = [...tenants];
    const worker = async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
        try {
          reports.push(await runTenantCycle(t, at, this.o.cycle));
        } catch (err) {
          this.o.logger.error({ err, tenantId: t }, 'monitor cycle failed for a tenant');
        }
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency ?? 4 }, worker));
    await this.drain();
    return reports;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.drainTimer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const cycleMs = this.o.cycleMs ?? 5 * 60_000;
    const delay = Math.max(0, nextPollAt(this.now(), cycleMs) - this.now());
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((reports) => this.o.logger.debug({ tenants: reports.length }, 'monitor cycle'))
        .catch((err) => this.o.logger.error({ err }, 'monitor cycle failed'))
        .finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      await this.o.outbox.drain((t) => this.o.leases.owns(t));
    } catch (err) {
      this.o.logger.error({ err }, 'outbox drain failed');
    }
  }
}
