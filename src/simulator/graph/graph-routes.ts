import { correlationFor, delay, readBody, sendResult } from '../http-util';
import { entry, type Route } from '../routes';
import { graphError } from './errors';
import { batchCall } from './batch';
import { graphCall } from './dispatch';

/** `/beta/**` and `/v1.0/**`: serviceActivity, service communications and `$batch`, after the configured latency. */
export const graphRoute: Route = async (ctx) => {
  const m = /^\/(beta|v1\.0)(\/.*)?$/.exec(ctx.path);
  if (!m) return undefined;
  const { state, req, res } = ctx;
  const version = m[1];
  const rest = m[2] ?? '/';
  const clientRequestId = req.headers['client-request-id'] as string | undefined;
  const correlation = correlationFor(clientRequestId, state.now());
  const latency = state.latencyMs + (state.faults.get().latencyMs ?? 0);
  if (/^\/(\$|%24)batch$/i.test(rest)) {
    if (req.method !== 'POST') {
      await delay(latency);
      sendResult(res, graphError(405, 'Request_BadRequest', '$batch requires POST.', correlation));
      return [entry(ctx, 'batch', 405)];
    }
    const body = await readBody(req);
    const out = batchCall(state, version, body, req.headers.authorization, correlation, (id) =>
      correlationFor(id, state.now()),
    );
    await delay(latency);
    sendResult(res, out.result);
    const items = out.items.map((i) =>
      entry(ctx, 'batch-item', i.status, { ...i.meta, method: 'GET', path: i.path, query: i.query }),
    );
    return [entry(ctx, 'batch', out.result.status, { note: `${out.items.length} items` }), ...items];
  }
  const { result, meta } = graphCall(state, {
    method: req.method ?? 'GET',
    version,
    path: rest,
    query: ctx.query,
    authorization: req.headers.authorization,
    correlation,
    prefer: [req.headers.prefer].flat().join(', ') || undefined,
  });
  await delay(latency);
  sendResult(res, result);
  const query =
    rest.startsWith('/admin/') && ctx.query.size
      ? [...ctx.query].map(([k, v]) => `${k}=${v}`).join('&')
      : undefined;
  return [entry(ctx, 'graph', result.status, { ...meta, query })];
};
