import restify, { type Server } from 'restify';
import type { Logger } from '../log/logger';
import type { KeyValueStore } from '../store/store';
import { activityProblem } from './activity-check';
import { authEndPage, authStartPage } from './auth-pages';
import { headerRefusal, readJsonBody, type BodyRefusal } from './json-body';

/** What the HTTP server needs from the bot: a handler for /api/messages, whatever SDK is behind it. */
export type MessageHandler = (req: restify.Request, res: restify.Response) => Promise<void>;

export interface ServerDeps {
  handleMessage: MessageHandler;
  /** Entra authority host for the SSO consent pages. */
  authorityHost: string;
  store: KeyValueStore;
  logger: Logger;
  /** Details `/readyz` adds to its answer (e.g. alert delivery's dead letters since start). */
  details?: () => Record<string, unknown>;
}

export interface PulseServer {
  server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, lets in-flight turns finish (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

/** The restify server: /api/messages, /healthz, /readyz. */
export function createServer(deps: ServerDeps): PulseServer {
  const { logger } = deps;
  const server = restify.createServer({ name: 'm365-pulse', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  // No body parser plugin: only /api/messages reads a body, in memory, JSON only, size-capped (see json-body.ts).
  // restify's bodyParser also took multipart uploads, which it wrote to the temp directory before any auth check.
  const refuse = (res: restify.Response, refusal: BodyRefusal) => {
    logger.warn({ status: refusal.status, reason: refusal.error }, 'refused a request body');
    res.setHeader('connection', 'close');
    sendJson(res, refusal.status, { error: refusal.error });
  };

  server.post('/api/messages', async (req, res) => {
    if (draining) return sendJson(res, 503, { error: 'shutting down' });
    const refusedHeaders = headerRefusal(req.headers);
    if (refusedHeaders) return refuse(res, refusedHeaders);
    const read = await readJsonBody(req);
    if ('status' in read) return refuse(res, read);
    req.body = read.body;
    const problem = activityProblem(req.body);
    if (problem) {
      logger.warn({ problem }, 'rejected a malformed activity');
      return sendJson(res, 400, { error: `Bad activity: ${problem}.` });
    }
    inFlight++;
    try {
      await deps.handleMessage(req, res);
    } catch (err) {
      logger.error({ err }, 'unhandled error processing an activity');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    } finally {
      inFlight--;
      if (draining && inFlight === 0) drained?.();
    }
  });

  const html = (text: string) => async (_req: restify.Request, res: restify.Response) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };
  server.get('/auth-start.html', html(authStartPage(deps.authorityHost)));
  server.get('/auth-end.html', html(authEndPage()));
  server.get('/healthz', async (_req, res) => sendJson(res, 200, { status: 'ok' }));
  server.get('/readyz', async (_req, res) => {
    if (draining) return sendJson(res, 503, { status: 'draining' });
    try {
      await deps.store.ping();
      sendJson(res, 200, { status: 'ready', ...deps.details?.() });
    } catch (err) {
      logger.warn({ err }, 'store not reachable');
      sendJson(res, 503, { status: 'store unreachable' });
    }
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(`http://${host}:${addr.port}`);
        });
      }),
    close: async (graceMs = 10_000) => {
      draining = true;
      const idle = inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => (drained = r));
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.server.closeIdleConnections?.();
      await Promise.race([idle, delay(graceMs)]);
      server.server.closeAllConnections?.();
      await closed;
    },
  };
}

function sendJson(res: restify.Response, status: number, body: object): void {
  res.status(status);
  res.json(body);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
