import { statusHealthSection } from '../cards/status-health';
import { metricByFn } from '../domain/catalog';
import type { MonitorHealthSnapshot, StatusReport } from '../graph/metrics-reader';
import { issueOrder } from '../service-health/issue-order';
import type { HealthView } from '../service-health/reader';

/** What the monitor last polled of a tenant's service health, without a request (undefined before its first poll). */
export type KnownHealth = (tenantId: string) => MonitorHealthSnapshot | undefined;

/**
 * The digest's Microsoft part: each service group's state and the open incidents and advisories, for the service
 * group of the digest's metrics when they are all of one (as `status exchange` shows), as last polled; nothing
 * before the tenant's first poll.
 */
export function digestHealthSection(
  health: MonitorHealthSnapshot | undefined,
  report: StatusReport,
  now: number,
): object[] | undefined {
  if (!health) return undefined;
  const groups = [...new Set(report.metrics.map((m) => metricByFn(m.fn)?.service).filter((g) => g))];
  const view: HealthView = {
    tenantId: health.tenantId,
    issues: [...health.issues.values()].sort(issueOrder),
    overviews: health.overviews,
    asOf: health.issuesAt,
    staleReason: health.error?.message,
  };
  return statusHealthSection({
    health: { view },
    service: groups.length === 1 ? groups[0] : undefined,
    now: new Date(now),
  });
}
