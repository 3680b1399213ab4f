import { METRICS, metricsOfService } from '../../domain/catalog';
import type { MetricsApiError } from '../../graph/errors';
import type { MetricStatus } from '../../graph/metrics-service';
import { resolveConnection } from '../connection';
import { oneLine } from '../exit-status';
import { metricsServiceFor } from '../graph-access';
import type { CliIo } from '../io';
import { render } from '../output/render';
import type { CliRequest } from '../request';
import { statusView } from '../views/status-view';

/**
 * One stderr line per distinct failure (kind and permission): the first metric's message, and how many other
 * metrics failed the same way when their messages differ (they name their metric).
 */
export function failureLines(metrics: readonly MetricStatus[]): string[] {
  const groups = new Map<string, MetricsApiError[]>();
  for (const m of metrics) {
    if (m.ok) continue;
    const key = `${m.error.kind} ${(m.error as { permission?: string }).permission ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), m.error]);
  }
  return [...groups.values()].map(([first, ...others]) => {
    const more = others.filter((e) => e.message !== first.message).length;
    return `m365-pulse: ${oneLine(first.message)}${more ? ` (and ${more} more metric${more > 1 ? 's' : ''})` : ''}`;
  });
}

/**
 * `m365-pulse status`: every metric's newest complete bucket in one batched round. Exit 1 when any metric failed;
 * when all did, only the reasons are printed.
 */
export async function runStatus(req: Extract<CliRequest, { command: 'status' }>, io: CliIo): Promise<number> {
  const connection = resolveConnection(req.connection, io.env, 'status');
  const service = metricsServiceFor(connection, io.now);
  const fns = (req.service ? metricsOfService(req.service.id) : METRICS).map((m) => m.fn);
  const report = await service.status(connection.tenantId, fns, { intervalMinutes: req.intervalMinutes });
  const failures = failureLines(report.metrics);
  if (report.metrics.some((m) => m.ok)) io.stdout(render(statusView(report), req.format));
  for (const line of failures) io.stderr(`${line}\n`);
  return failures.length ? 1 : 0;
}
