import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './request-log';
import type { SimState } from './state';

/** One HTTP request routed to a handler. */
export interface RouteContext {
  state: SimState;
  req: IncomingMessage;
  res: ServerResponse;
  /** Raw (percent-encoded) path without the query string. */
  path: string;
  query: URLSearchParams;
}

/** A route answers the request and returns what to log, or undefined when the path is not its own. */
export type Route = (ctx: RouteContext) => Promise<RequestLogEntry[] | undefined>;

/** A log entry with the common fields filled. */
export function entry(
  ctx: RouteContext,
  kind: string,
  status: number,
  extra: Partial<RequestLogEntry> = {},
): RequestLogEntry {
  const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  return {
    time: ctx.state.now().toISOString(),
    method: ctx.req.method ?? 'GET',
    path: ctx.path,
    status,
    kind,
    ...defined,
  };
}
