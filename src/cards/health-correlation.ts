import { serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { StatusReport } from '../graph/metrics-reader';
import type { HealthIssue } from '../service-health/types';
import { text } from './adaptive-card';
import { adminCenterIssueUrl, clip, issueStatusText } from './health-text';
import { statusGroups } from './status-rows';

/** Degraded metrics named on an issue card at most. */
export const MAX_CORRELATED = 4;

/**
 * What the tenant's own telemetry says about the service groups a Microsoft issue belongs to: each degraded metric
 * with its value and why ("Mail delivery (Exchange Online): 812. 62 % below last week"), or one line saying the
 * telemetry looks normal. Empty when none of it could be read (not eligible, not permitted).
 */
export function telemetryLines(
  report: StatusReport,
  groups: readonly ServiceGroup[],
  locale: string,
): string[] {
  const rows = statusGroups(report, undefined, locale)
    .filter((g) => groups.includes(g.service.id))
    .flatMap((g) => g.rows);
  const readable = rows.filter((r) => r.status.ok);
  if (!readable.length) return [];
  const degraded = rows.filter((r) => r.state.kind === 'degraded');
  if (!degraded.length) {
    const names = groups.map((g) => serviceById(g)?.name ?? g).join(', ');
    return [`🟢 Your telemetry for ${names} looks normal (${readable.length} metrics).`];
  }
  const lines = degraded.slice(0, MAX_CORRELATED).map((r) => {
    const where = serviceById(r.metric.service)?.name ?? r.metric.service;
    return `🔴 **${r.metric.name}** (${where}): ${r.value}. ${r.state.reason}`;
  });
  if (degraded.length > MAX_CORRELATED)
    lines.push(`…and ${degraded.length - MAX_CORRELATED} more degraded metrics.`);
  return lines;
}

/** Microsoft issues named on a telemetry alert card at most (incidents first). */
export const MAX_MICROSOFT_ISSUES = 2;

/**
 * The telemetry alert card's lines about Microsoft's own open issues on the same service: "Microsoft is
 * investigating EX123456: <title>" with its status, and a button that opens it in the admin center. Nothing when
 * Microsoft reports no open issue there, so the admin knows whether it is Microsoft or the tenant.
 */
export function microsoftIssueBlocks(issues: readonly HealthIssue[]): object[] {
  const open = issues.filter((i) => !i.isResolved).slice(0, MAX_MICROSOFT_ISSUES);
  if (!open.length) return [];
  return [
    {
      type: 'Container',
      style: 'emphasis',
      spacing: 'Medium',
      items: open.map((i) =>
        text(
          `${i.classification === 'advisory' ? 'Microsoft reports an advisory' : 'Microsoft is investigating'} ` +
            `**${i.id}**: ${clip(i.title, 160)} (${issueStatusText(i)})`,
          { spacing: 'Small' },
        ),
      ),
    },
    {
      type: 'ActionSet',
      spacing: 'Small',
      actions: open.map((i) => ({
        type: 'Action.OpenUrl',
        title: `Open ${i.id}`,
        url: adminCenterIssueUrl(i.id),
      })),
    },
  ];
}
