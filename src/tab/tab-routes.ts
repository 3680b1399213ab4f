import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Identity } from '../auth/identity';
import type { Logger } from '../log/logger';
import { StaticFiles } from './static-files';
import { authenticateTab, type TabAuthMode } from './tab-auth';
import type { ApiAnswer, TabApi } from './tab-api';
import { UserRateLimit } from './rate-limit';

export interface TabRouteDeps {
  api: TabApi;
  auth: TabAuthMode;
  identity: Identity;
  logger: Logger;
  limit?: UserRateLimit;
  /** The built pages; default dist/tab next to the compiled server. */
  pagesDir?: string;
}

/** Hosts that may frame the tab: Teams on the web and desktop, Outlook and the Microsoft 365 app. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
];

const PAGE_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // teams-js reads its list of valid host origins from the Office CDN (it falls back to a built-in list).
    "connect-src 'self' https://res.cdn.office.net",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** `/tab/*` (the dashboard and its configuration page) and `/api/tab/*` on the bot's restify server. */
export function registerTabRoutes(server: Server, deps: TabRouteDeps): void {
  const pages = new StaticFiles(deps.pagesDir ?? join(__dirname, '..', '..', 'tab'));
  const limit = deps.limit ?? new UserRateLimit();

  server.get('/tab', async (_req: Request, res: Response) => {
    res.writeHead(302, { location: '/tab/' });
    res.end();
  });
  server.get('/tab/*', async (req: Request, res: Response) => {
    const path = (req.params as Record<string, string>)['*'] ?? '';
    const file = await pages.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        path === '' || path === 'index.html' ? 'The tab is not built: run npm run build.' : 'Not found',
      );
      return;
    }
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': file.type,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? file.gzip : file.body);
  });

  const api =
    (handle: (caller: Parameters<TabApi['overview']>[0], req: Request) => Promise<ApiAnswer>) =>
    async (req: Request, res: Response) => {
      const auth = await authenticateTab(req.headers.authorization, deps.auth, deps.identity);
      if (!auth.ok) {
        deps.logger.info(
          { status: auth.refusal.status, reason: auth.refusal.reason },
          'tab API refused a token',
        );
        const headers: Record<string, string> =
          auth.refusal.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
        const code = auth.refusal.status === 401 ? 'invalidToken' : 'tenantNotAllowed';
        return send(res, {
          status: auth.refusal.status,
          headers,
          body: { error: { code, message: auth.refusal.reason } },
        });
      }
      const { tenantId, oid } = auth.caller.user;
      const allowed = limit.take(`${tenantId}|${oid}`);
      if (!allowed.ok)
        return send(res, {
          status: 429,
          headers: { 'retry-after': String(allowed.retryAfterSeconds) },
          body: {
            error: {
              code: 'rateLimited',
              message: `Too many requests; try again in ${allowed.retryAfterSeconds} s.`,
            },
          },
        });
      send(res, await handle(auth.caller, req));
    };

  server.get(
    '/api/tab/overview',
    api((caller, req) => deps.api.overview(caller, queryOf(req))),
  );
  server.get(
    '/api/tab/metrics/:id',
    api((caller, req) =>
      deps.api.metric(caller, String((req.params as Record<string, string>).id), queryOf(req)),
    ),
  );
}

function queryOf(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of new URL(req.url ?? '/', 'http://localhost').searchParams) out[k] = v;
  return out;
}

function send(res: Response, answer: ApiAnswer): void {
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...answer.headers,
  });
  res.end(JSON.stringify(answer.body));
}
