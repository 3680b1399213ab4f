import { METRICS, metricsOfService } from '../../domain/catalog';
import type { CliIo } from '../io';
import { render } from '../output/render';
import type { CliRequest } from '../request';
import { metricsView } from '../views/metrics-view';

/** `m365-pulse metrics`: the catalog, or one service's part of it. No network. */
export function runMetrics(req: Extract<CliRequest, { command: 'metrics' }>, io: CliIo): number {
  const metrics = req.service ? metricsOfService(req.service.id) : METRICS;
  io.stdout(render(metricsView(metrics), req.format));
  return 0;
}
