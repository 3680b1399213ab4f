import { resolveConnection } from '../connection';
import { metricsServiceFor } from '../graph-access';
import type { CliIo } from '../io';
import { render } from '../output/render';
import type { CliRequest } from '../request';
import { windowRequest } from '../time-window';
import { validateWindow } from '../../domain/window';
import { queryView } from '../views/query-view';

/**
 * `m365-pulse query`: one metric over a validated window (one Graph request); notes go to stderr. The window is
 * checked before the credentials, so a wrong window is reported as such even without any.
 */
export async function runQuery(req: Extract<CliRequest, { command: 'query' }>, io: CliIo): Promise<number> {
  const { request, startPolicy } = windowRequest(req.window, io.now());
  const checked = validateWindow(request, { now: io.now(), startPolicy });
  if (!checked.ok) throw checked.error;
  const connection = resolveConnection(req.connection, io.env, 'query');
  const service = metricsServiceFor(connection, io.now);
  const report = await service.series(connection.tenantId, req.metric.fn, request, { startPolicy });
  for (const note of [...report.notes, ...(report.stale ? [report.stale.message] : [])]) {
    io.stderr(`note: ${note}\n`);
  }
  io.stdout(render(queryView(req.metric, report.series, connection.tenantId), req.format));
  return 0;
}
