import { createServer, type Server } from 'node:http';
import { count } from './counters';
import { controlRoute } from './control/control-routes';
import { entraRoute } from './entra/entra-routes';
import { graphRoute } from './graph/graph-routes';
import { sendJson } from './http-util';
import type { Route, RouteContext } from './routes';
import type { SimState } from './state';

const ROUTES: readonly Route[] = [controlRoute, graphRoute, entraRoute];

/** The simulator's HTTP server: routes in order, 404 for anything else, 500 (never a stack) on a bug. */
export function createSimulatorServer(state: SimState): Server {
  return createServer((req, res) => {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const ctx: RouteContext = {
      state,
      req,
      res,
      path: q < 0 ? raw : raw.slice(0, q),
      query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
    };
    void dispatch(ctx);
  });
}

async function dispatch(ctx: RouteContext): Promise<void> {
  const { state, res } = ctx;
  try {
    for (const route of ROUTES) {
      const logged = await route(ctx);
      if (logged) {
        for (const e of logged) {
          state.log.add(e);
          count(state.counters, e);
        }
        return;
      }
    }
    sendJson(res, 404, {
      error: { code: 'NotFound', message: `The simulator has no route for ${ctx.req.method} ${ctx.path}.` },
    });
  } catch (err) {
    if (!res.headersSent) {
      const message = err instanceof Error ? err.message : 'unknown error';
      sendJson(res, 500, { error: { code: 'generalException', message: `Simulator error: ${message}` } });
    } else res.destroy();
  }
}
