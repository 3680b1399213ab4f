import type { AccessGate, GroupAccess } from './access-gate';
import { currentBucketStart, intervalMs } from '../domain/buckets';
import { METRICS, metricByFn } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { CallOptions } from './client-types';
import type { MetricsService } from './metrics-service';
import type {
  MetricStatus,
  SeriesReport,
  SeriesRequest,
  Caller,
  StatusView,
  UserMetricsReader,
} from './metrics-reader';

export type { SeriesRequest, StatusView };
import type { SeriesPoint } from '../domain/series';

/** Buckets of 15 minutes a status looks back: the newest complete one with data, and a 2-hour trend. */
const TREND_BUCKETS = 8;

/**
 * The metrics one signed-in user of one tenant may read: every Graph call is made with their own token, and groups
 * Graph denies them appear as not permitted even when another admin's call has cached the data.
 */
export class UserMetrics implements UserMetricsReader {
  private readonly tenantId: string;
  private readonly userId: string;

  constructor(
    private readonly service: MetricsService,
    private readonly gate: AccessGate,
    private readonly caller: Caller,
    private readonly now: () => number = Date.now,
  ) {
    this.tenantId = caller.tenantId;
    this.userId = caller.userId;
  }

  /** Every Graph call of this reader is made with the caller's own token. */
  private as(opts: CallOptions): CallOptions {
    return { ...opts, token: this.caller.token };
  }

  async status(service?: ServiceGroup, opts: CallOptions = {}): Promise<StatusView> {
    const fns = METRICS.filter((m) => !service || m.service === service).map((m) => m.fn);
    const groups = [...new Set(fns.map((fn) => metricByFn(fn)!.service))];
    const access = await this.gate.check(this.caller, groups);
    const allowed = fns.filter((fn) => access.get(metricByFn(fn)!.service)?.allowed);
    const view = await this.fetchStatus(allowed, opts);
    const byFn = new Map(view.report.metrics.map((m) => [m.fn, m]));
    const metrics = fns.map((fn): MetricStatus => {
      const a = access.get(metricByFn(fn)!.service)!;
      return a.allowed ? byFn.get(fn)! : { fn, ok: false, error: a.error };
    });
    return { report: { ...view.report, metrics }, trends: view.trends };
  }

  private async fetchStatus(allowed: string[], opts: CallOptions): Promise<StatusView> {
    const report = await this.service.status(this.tenantId, allowed, {
      ...this.as(opts),
      lookbackBuckets: TREND_BUCKETS,
    });
    return { report, trends: await this.trends(allowed, opts) };
  }

  /**
   * Which service groups this user may read, per Graph's own check of their token (permission and admin role).
   * Changing alert settings for a group requires this to be allowed: the user is an admin for that data.
   */
  async access(groups: readonly ServiceGroup[]): Promise<Map<ServiceGroup, GroupAccess>> {
    return this.gate.check(this.caller, groups);
  }

  async series(req: SeriesRequest, opts: CallOptions = {}): Promise<SeriesReport> {
    const group = metricByFn(req.fn)?.service;
    if (group) {
      const a = (await this.gate.check(this.caller, [group])).get(group)!;
      if (!a.allowed) throw a.error;
    }
    return this.service.series(
      this.tenantId,
      req.fn,
      { start: req.start, end: req.end, intervalMinutes: req.intervalMinutes },
      { ...this.as(opts), compareLastWeek: req.compareLastWeek },
    );
  }

  /** The last two hours of each metric, served from what `status` just cached (no extra Graph request). */
  private async trends(fns: string[], opts: CallOptions): Promise<Record<string, SeriesPoint[]>> {
    const end = currentBucketStart(this.now(), 15);
    const window = {
      start: new Date(end - TREND_BUCKETS * intervalMs(15)),
      end: new Date(end),
      intervalMinutes: 15,
    };
    const out: Record<string, SeriesPoint[]> = {};
    await Promise.all(
      fns.map(async (fn) => {
        const r = await this.service.series(this.tenantId, fn, window, this.as(opts)).catch(() => undefined);
        if (r) out[fn] = r.series.points;
      }),
    );
    return out;
  }
}
