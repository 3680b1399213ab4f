import { randomUUID } from 'node:crypto';
import { buildBatchBody, readBatchAnswer } from './batch-content';
import { runBatched } from './batch';
import type { RequestBudget } from './budget';
import { metricByFn } from '../domain/catalog';
import type { MetricUnit } from '../domain/catalog-types';
import type {
  CallOptions,
  MetricQuery,
  QueryOutcome,
  SeriesResult,
  SharedFailure,
  TokenProvider,
} from './client-types';
import { InvalidRequestError, MalformedResponseError, ServiceError, SignInRequiredError } from './errors';
import { budgetExhaustedError } from './error-mapping';
import { exchange } from './http-exchange';
import { interpretResponse, statusFailure } from './interpret';
import { CHAT_RETRY_POLICY, REAL_RETRY_DEPS, runWithRetry, type RetryDeps } from './retry';
import { SdkTransport, type RawResponse } from './sdk-transport';
import type { Series } from '../domain/series';
import { buildMetricPath, DEFAULT_GRAPH_BASE_URL, normaliseBaseUrl } from './url';

export type { CallOptions, MetricQuery, SeriesResult, TokenProvider } from './client-types';

export interface GraphMetricsClientOptions {
  /** Default token source when a call names no caller (`CallOptions.token`): the CLI's app-only token. */
  tokenProvider?: TokenProvider;
  /** Default https://graph.microsoft.com. */
  baseUrl?: string;
  /** When given, every request and batch item is counted and none is sent past it. */
  budget?: RequestBudget;
  /** Unit per function (decides value vs performance metric); default from the catalog. */
  unitOf?: (fn: string) => MetricUnit | undefined;
  deps?: Partial<RetryDeps>;
}

/** Graph serviceActivity client on the Graph SDK: single GETs, `$batch` for many, retries within a time budget. */
export class GraphMetricsClient {
  /** HTTP requests sent (a `$batch` counts once) and batch items carried. */
  readonly stats = { httpRequests: 0, batchItems: 0 };
  private readonly transport: SdkTransport;
  private readonly origin: string;
  private readonly deps: RetryDeps;
  private readonly unitOf: (fn: string) => MetricUnit | undefined;

  constructor(private readonly opts: GraphMetricsClientOptions) {
    const base = normaliseBaseUrl(opts.baseUrl ?? DEFAULT_GRAPH_BASE_URL);
    this.transport = new SdkTransport(base);
    this.origin = new URL(base).origin;
    this.deps = { ...REAL_RETRY_DEPS, ...opts.deps };
    this.unitOf = opts.unitOf ?? ((fn) => metricByFn(fn)?.unit);
  }

  /** One metric by a plain GET, retried on 429/503/504 within the policy; throws a MetricsApiError. */
  async getSeries(tenantId: string, query: MetricQuery, opts: CallOptions = {}): Promise<Series> {
    const call = { ...opts, correlationId: opts.correlationId ?? randomUUID() };
    const out = await runWithRetry(
      (_attempt, remainingMs) => this.sendOne(tenantId, query, remainingMs, call),
      opts.policy ?? CHAT_RETRY_POLICY,
      this.deps,
    );
    if (out.ok) return out.value;
    throw out.error;
  }

  /** Many metrics by `$batch` (≤ 20 per batch, batches in parallel); one result per query, in query order. */
  async getMany(
    tenantId: string,
    queries: readonly MetricQuery[],
    opts: CallOptions = {},
  ): Promise<SeriesResult[]> {
    const call = { ...opts, correlationId: opts.correlationId ?? randomUUID() };
    const outcomes = await runBatched(
      queries.length,
      (slots, remainingMs) =>
        this.sendChunk(
          tenantId,
          slots.map((s) => ({ index: s.index, query: queries[s.index] })),
          remainingMs,
          call,
        ),
      opts.policy ?? CHAT_RETRY_POLICY,
      this.deps,
    );
    return outcomes.map((o) => (o.ok ? { ok: true, series: o.value } : { ok: false, error: o.error }));
  }

  private async sendOne(tenantId: string, query: MetricQuery, remainingMs: number, opts: CallOptions) {
    const refused = this.precheck(tenantId, query, opts);
    if (refused) return refused;
    const raw = await this.http(
      tenantId,
      'GET',
      buildMetricPath(query.fn, query.window),
      undefined,
      remainingMs,
      opts,
    );
    if ('error' in raw) return { ok: false as const, error: raw.error(query.fn), retryable: raw.retryable };
    return this.interpret(tenantId, query, raw);
  }

  private async sendChunk(
    tenantId: string,
    items: { index: number; query: MetricQuery }[],
    remainingMs: number,
    opts: CallOptions,
  ): Promise<Map<number, QueryOutcome>> {
    const out = new Map<number, QueryOutcome>();
    const sendable = items.filter((item) => {
      const refused = this.precheck(tenantId, item.query, opts);
      if (refused) out.set(item.index, refused);
      return !refused;
    });
    if (sendable.length === 0) return out;
    const body = await buildBatchBody(
      this.origin,
      sendable.map(({ index, query }) => ({
        id: String(index),
        path: buildMetricPath(query.fn, query.window),
      })),
    );
    this.stats.batchItems += sendable.length;
    const raw = await this.http(tenantId, 'POST', '/$batch', body, remainingMs, opts);
    const failAll = (f: SharedFailure) => {
      for (const { index, query } of sendable) {
        out.set(index, {
          ok: false,
          error: f.error(query.fn),
          retryable: f.retryable,
          retryAfterMs: f.retryAfterMs,
        });
      }
      return out;
    };
    if ('error' in raw) return failAll(raw);
    if (raw.status !== 200) return failAll(statusFailure(raw, tenantId, this.deps.now()));
    const answers = readBatchAnswer(typeof raw.body === 'string' ? raw.body : '');
    const requestId = raw.headers.get('request-id') ?? undefined;
    if (typeof answers === 'string') {
      const message = `Microsoft Graph returned a batch answer Pulse could not read: ${answers}.`;
      const error = (fn?: string) =>
        new MalformedResponseError(message, { tenantId, fn, status: 200, requestId, detail: answers });
      return failAll({ error, retryable: false });
    }
    for (const { index, query } of sendable) {
      const answer = answers.get(String(index).toLowerCase());
      if (answer) out.set(index, this.interpret(tenantId, query, answer));
      else {
        const error = new ServiceError(`Microsoft Graph left ${query.fn} out of the batch answer.`, {
          tenantId,
          fn: query.fn,
          status: 200,
          requestId,
        });
        out.set(index, { ok: false, error, retryable: true });
      }
    }
    return out;
  }

  /** Refusals decided before sending: unknown function, or our request budget is spent. */
  private precheck(tenantId: string, query: MetricQuery, opts: CallOptions): QueryOutcome | undefined {
    if (!this.unitOf(query.fn)) {
      const message = `${query.fn} is not a known Microsoft 365 monitoring metric.`;
      return {
        ok: false,
        error: new InvalidRequestError(message, { tenantId, fn: query.fn }),
        retryable: false,
      };
    }
    const decision = this.opts.budget?.tryAcquire(tenantId, query.fn, 1, opts.lane);
    if (decision && !decision.ok) {
      return {
        ok: false,
        error: budgetExhaustedError(tenantId, query.fn, decision.retryAt),
        retryable: false,
      };
    }
    return undefined;
  }

  private interpret(tenantId: string, query: MetricQuery, raw: RawResponse): QueryOutcome {
    const unit = this.unitOf(query.fn) ?? 'count';
    return interpretResponse(raw, { tenantId, query, unit, now: this.deps.now() });
  }

  private http(
    tenantId: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    remainingMs: number,
    opts: CallOptions,
  ) {
    this.stats.httpRequests += 1;
    const provider = opts.token ?? this.opts.tokenProvider;
    const getAccessToken = provider
      ? () => provider(tenantId)
      : () =>
          Promise.reject(
            new SignInRequiredError('Sign in first: no signed-in caller for this Graph call.', { tenantId }),
          );
    return exchange(this.transport, { tenantId, method, path, body, remainingMs, getAccessToken, opts });
  }
}
