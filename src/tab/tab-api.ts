import { randomUUID } from 'node:crypto';
import type { IncidentRepository } from '../alerts/incident-repository';
import { metricById, serviceById } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import { MetricsApiError, ThrottledError } from '../graph/errors';
import type { GraphServices } from '../graph/graph-services';
import { UserMetrics } from '../graph/user-metrics';
import { WindowError } from '../domain/window';
import type { Logger } from '../log/logger';
import { historyStart, metricView } from './metric-view';
import { overviewView, type TabFilter } from './overview-view';
import { isTabRange, rangeWindow, TAB_RANGES } from './ranges';
import type { TabUser } from './sso-token';

/** Who a tab request is for: the user a valid SSO token (or, in demo mode, the demo identity) names. */
export interface TabCaller {
  user: TabUser;
  /** A Graph token for this user: on-behalf-of their SSO token, so Graph checks their own permission and role. */
  graphToken(): Promise<string>;
}

export interface TabApiDeps {
  graph: GraphServices;
  incidents: IncidentRepository;
  logger: Logger;
  /** BOT_ID: the page links to chat commands with it (a public value, it is in the app manifest). */
  botId?: string;
  now?: () => number;
}

/** An HTTP answer, whatever server sends it. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The tab API over the same metrics layer as the chat commands, for one caller. */
export class TabApi {
  constructor(private readonly deps: TabApiDeps) {}

  /** `GET /api/tab/overview?service=exchange` or `?metrics=mail-delivery,teams-calls`. */
  async overview(caller: TabCaller, query: Record<string, string | undefined>): Promise<ApiAnswer> {
    const filter = parseFilter(query);
    if ('error' in filter) return badRequest(filter.error);
    return this.answer(caller, async (metrics) => {
      const view = await metrics.status(filter.service);
      const incidents = await this.deps.incidents.open(caller.user.tenantId);
      return { status: 200, body: { ...overviewView(view, incidents, filter), botId: this.deps.botId } };
    });
  }

  /** `GET /api/tab/metrics/{id}?range=6h|24h|7d|30d`. */
  async metric(caller: TabCaller, id: string, query: Record<string, string | undefined>): Promise<ApiAnswer> {
    const metric = metricById(id);
    if (!metric)
      return { status: 404, body: { error: { code: 'unknownMetric', message: `No metric '${id}'.` } } };
    const range = query.range ?? '24h';
    if (!isTabRange(range))
      return badRequest(`range must be one of ${Object.keys(TAB_RANGES).join(', ')}; got '${range}'.`);
    return this.answer(caller, async (metrics) => {
      const window = rangeWindow(range, this.now());
      const report = await metrics.series({
        fn: metric.fn,
        start: new Date(historyStart(window.start)),
        end: new Date(window.end),
        intervalMinutes: window.intervalMinutes,
        compareLastWeek: false,
      });
      const notes =
        range === '30d'
          ? [
              "Microsoft Graph keeps 30 days: last week's line and the baseline cover the newest 23 days only.",
            ]
          : [];
      return { status: 200, body: metricView(metric, range, window, report.series, notes, report.stale) };
    });
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Runs a read as the caller and maps every failure to a status and a sentence the page can show. */
  private async answer(caller: TabCaller, read: (m: UserMetrics) => Promise<ApiAnswer>): Promise<ApiAnswer> {
    const { graph } = this.deps;
    const { tenantId, oid } = caller.user;
    const metrics = new UserMetrics(
      graph.metrics,
      graph.gate,
      { tenantId, userId: oid, token: () => caller.graphToken() },
      this.deps.now ?? Date.now,
    );
    try {
      return await read(metrics);
    } catch (err) {
      return this.failure(err, caller);
    }
  }

  private failure(err: unknown, caller: TabCaller): ApiAnswer {
    const error = (status: number, code: string, message: string, headers?: Record<string, string>) => ({
      status,
      body: { error: { code, message } },
      headers,
    });
    if (err instanceof WindowError) return error(400, 'invalidWindow', err.message);
    if (err instanceof MetricsApiError) {
      if (err.kind === 'MissingPermission') return error(403, 'notPermitted', err.message);
      if (err.kind === 'SignInRequired') return error(401, 'signInRequired', err.message);
      if (err instanceof ThrottledError) {
        const seconds = Math.max(1, Math.ceil((err.retryAfter.getTime() - this.now()) / 1000));
        return error(503, 'throttled', err.message, { 'retry-after': String(seconds) });
      }
      if (err.kind === 'NotAvailable') return error(404, 'notAvailable', err.message);
      return error(502, err.kind, err.message);
    }
    const correlationId = randomUUID();
    this.deps.logger.error({ err, correlationId, tenantId: caller.user.tenantId }, 'tab API request failed');
    return error(500, 'internal', `Something went wrong (correlation id ${correlationId}).`);
  }
}

function badRequest(message: string): ApiAnswer {
  return { status: 400, body: { error: { code: 'badRequest', message } } };
}

/** `service=<group>` or `metrics=<id>,<id>`; unknown names are refused, not ignored. */
export function parseFilter(query: Record<string, string | undefined>): TabFilter | { error: string } {
  const filter: TabFilter = {};
  if (query.service) {
    if (!serviceById(query.service)) return { error: `No service group '${query.service}'.` };
    filter.service = serviceById(query.service)!.id as ServiceGroup;
  }
  if (query.metrics) {
    const ids = query.metrics
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = ids.find((id) => !metricById(id));
    if (unknown) return { error: `No metric '${unknown}'.` };
    filter.metrics = ids;
  }
  return filter;
}
