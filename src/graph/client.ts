import { randomUUID } from 'node:crypto';
import {
  BatchRequestContent,
  BatchResponseContent,
  type BatchResponseBody,
} from '@microsoft/microsoft-graph-client';
import { runBatched } from './batch';
import type { RequestBudget } from './budget';
import { metricByFn } from './catalog';
import type { MetricUnit } from './catalog-types';
import {
  budgetExhaustedError,
  InvalidRequestError,
  MalformedResponseError,
  mapGraphError,
  MetricsApiError,
  NetworkError,
  redactSecrets,
  ServiceError,
  SignInRequiredError,
  TimeoutError,
} from './errors';
import { parseSeries } from './parse';
import { retryAfterMs } from './retry-after';
import {
  CHAT_RETRY_POLICY,
  isRetryableStatus,
  REAL_RETRY_DEPS,
  runWithRetry,
  type AttemptOutcome,
  type RetryDeps,
  type RetryPolicy,
} from './retry';
import { SdkTransport, TokenUnavailableError, type RawResponse } from './sdk-transport';
import type { Series } from './series';
import { buildMetricPath, DEFAULT_GRAPH_BASE_URL, normaliseBaseUrl, type MetricWindow } from './url';
import { normaliseBatchBody } from './batch-response';

/** Per-call token source: delegated (on-behalf-of) or app-only, decided by the caller. Never logged. */
export type TokenProvider = (tenantId: string) => Promise<string>;

/** One metric over one (already validated) window. */
export interface MetricQuery {
  fn: string;
  window: MetricWindow;
}

/** Per-query result of a batched call: one failing metric never fails the others. */
export type SeriesResult = { ok: true; series: Series } | { ok: false; error: MetricsApiError };

export interface CallOptions {
  /** Retry and time budget for the call site; default CHAT_RETRY_POLICY. */
  policy?: RetryPolicy;
  /** Sent as `client-request-id` so Graph and our logs correlate. */
  correlationId?: string;
  signal?: AbortSignal;
}

export interface GraphMetricsClientOptions {
  tokenProvider: TokenProvider;
  /** Default https://graph.microsoft.com. */
  baseUrl?: string;
  /** When given, every request and batch item is counted and none is sent past it. */
  budget?: RequestBudget;
  /** Unit per function (decides value vs performance metric); default from the catalog. */
  unitOf?: (fn: string) => MetricUnit | undefined;
  deps?: Partial<RetryDeps>;
}

type Outcome = AttemptOutcome<Series, MetricsApiError>;
type Failure = { error: (fn?: string) => MetricsApiError; retryable: boolean; retryAfterMs?: number };

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
    const correlationId = opts.correlationId ?? randomUUID();
    const out = await runWithRetry(
      (_attempt, remainingMs) => this.sendOne(tenantId, query, remainingMs, { ...opts, correlationId }),
      opts.policy ?? CHAT_RETRY_POLICY,
      this.deps,
    );
    if (out.ok) return out.value;
    throw out.error;
  }

  /** Many metrics by `$batch` (≤ 20 per batch, batches in parallel); results in query order. */
  async getMany(
    tenantId: string,
    queries: readonly MetricQuery[],
    opts: CallOptions = {},
  ): Promise<SeriesResult[]> {
    const correlationId = opts.correlationId ?? randomUUID();
    const outcomes = await runBatched(
      queries.length,
      (slots, remainingMs) =>
        this.sendChunk(
          tenantId,
          slots.map((s) => ({ index: s.index, query: queries[s.index] })),
          remainingMs,
          { ...opts, correlationId },
        ),
      opts.policy ?? CHAT_RETRY_POLICY,
      this.deps,
    );
    return outcomes.map((o) => (o.ok ? { ok: true, series: o.value } : { ok: false, error: o.error }));
  }

  private async sendOne(
    tenantId: string,
    query: MetricQuery,
    remainingMs: number,
    opts: CallOptions,
  ): Promise<Outcome> {
    const refused = this.precheck(tenantId, query);
    if (refused) return refused;
    const raw = await this.http(
      tenantId,
      'GET',
      buildMetricPath(query.fn, query.window),
      undefined,
      remainingMs,
      opts,
    );
    if ('error' in raw) return { ok: false, error: raw.error(query.fn), retryable: raw.retryable };
    return this.interpret(tenantId, query, raw);
  }

  private async sendChunk(
    tenantId: string,
    items: { index: number; query: MetricQuery }[],
    remainingMs: number,
    opts: CallOptions,
  ): Promise<Map<number, Outcome>> {
    const out = new Map<number, Outcome>();
    const sendable = items.filter((item) => {
      const refused = this.precheck(tenantId, item.query);
      if (refused) out.set(item.index, refused);
      return !refused;
    });
    if (sendable.length === 0) return out;
    const content = new BatchRequestContent(
      sendable.map(({ index, query }) => ({
        id: String(index),
        // Node's Request needs an absolute URL; BatchRequestContent strips the origin back to the relative path.
        request: new Request(`${this.origin}${buildMetricPath(query.fn, query.window)}`, { method: 'GET' }),
      })),
    );
    this.stats.batchItems += sendable.length;
    const raw = await this.http(tenantId, 'POST', '/$batch', await content.getContent(), remainingMs, opts);
    const failAll = (f: Failure) => {
      for (const { index, query } of sendable) {
        out.set(index, {
          ok: false,
          error: f.error(query.fn),
          retryable: f.retryable,
          retryAfterMs: f.retryAfterMs,
        });
      }
    };
    if ('error' in raw) {
      failAll(raw);
      return out;
    }
    if (raw.status !== 200) {
      const now = this.deps.now();
      failAll({
        error: (fn) =>
          mapGraphError({ status: raw.status, body: raw.text, headers: raw.headers, tenantId, fn, now }),
        retryable: isRetryableStatus(raw.status),
        retryAfterMs: retryAfterMs(raw.headers.get('retry-after'), now),
      });
      return out;
    }
    const body = normaliseBatchBody(raw.text);
    if (typeof body === 'string') {
      failAll({
        error: (fn) => malformed(tenantId, fn, body, raw.headers.get('request-id')),
        retryable: false,
      });
      return out;
    }
    const responses = new BatchResponseContent(body as BatchResponseBody);
    for (const { index, query } of sendable) {
      const res = responses.getResponseById(String(index));
      if (!res) {
        const error = new ServiceError(`Microsoft Graph left ${query.fn} out of the batch answer.`, {
          tenantId,
          fn: query.fn,
          status: 200,
          requestId: raw.headers.get('request-id') ?? undefined,
        });
        out.set(index, { ok: false, error, retryable: true });
        continue;
      }
      const item: RawResponse = { status: res.status, headers: res.headers, text: await res.text() };
      out.set(index, this.interpret(tenantId, query, item));
    }
    return out;
  }

  /** Refusals decided before sending: unknown function, or our request budget is spent. */
  private precheck(tenantId: string, query: MetricQuery): Outcome | undefined {
    if (!this.unitOf(query.fn)) {
      const error = new InvalidRequestError(`${query.fn} is not a known Microsoft 365 monitoring metric.`, {
        tenantId,
        fn: query.fn,
      });
      return { ok: false, error, retryable: false };
    }
    const decision = this.opts.budget?.tryAcquire(tenantId, query.fn);
    if (decision && !decision.ok) {
      return {
        ok: false,
        error: budgetExhaustedError(tenantId, query.fn, decision.retryAt),
        retryable: false,
      };
    }
    return undefined;
  }

  private interpret(tenantId: string, query: MetricQuery, raw: RawResponse): Outcome {
    const requestId = raw.headers.get('request-id') ?? undefined;
    if (raw.status >= 200 && raw.status < 300) {
      try {
        const unit = this.unitOf(query.fn) ?? 'count';
        return {
          ok: true,
          value: parseSeries(raw.text, { tenantId, fn: query.fn, unit, window: query.window, requestId }),
        };
      } catch (e) {
        if (e instanceof MetricsApiError) return { ok: false, error: e, retryable: false };
        throw e;
      }
    }
    const now = this.deps.now();
    return {
      ok: false,
      error: mapGraphError({
        status: raw.status,
        body: raw.text,
        headers: raw.headers,
        tenantId,
        fn: query.fn,
        now,
      }),
      retryable: isRetryableStatus(raw.status),
      retryAfterMs: retryAfterMs(raw.headers.get('retry-after'), now),
    };
  }

  /** One HTTP exchange with a timeout of the remaining budget; transport failures become typed errors. */
  private async http(
    tenantId: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    remainingMs: number,
    opts: CallOptions,
  ): Promise<RawResponse | Failure> {
    const budgetMs = (opts.policy ?? CHAT_RETRY_POLICY).budgetMs;
    const seconds = (budgetMs / 1000).toFixed(budgetMs < 10_000 ? 1 : 0);
    const timeout = (fn?: string) =>
      new TimeoutError(`Microsoft Graph did not answer within ${seconds} s. Try again in a minute.`, {
        tenantId,
        fn,
      });
    if (remainingMs <= 0) return { error: timeout, retryable: false };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), remainingMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort);
    this.stats.httpRequests += 1;
    try {
      return await this.transport.send({
        method,
        path,
        body,
        getAccessToken: () => this.opts.tokenProvider(tenantId),
        signal: controller.signal,
        clientRequestId: opts.correlationId ?? randomUUID(),
      });
    } catch (e) {
      if (e instanceof TokenUnavailableError) {
        const reason = redactSecrets(e.reason);
        return {
          error: (fn) =>
            new SignInRequiredError(
              `Pulse could not get a Microsoft Graph token for tenant ${tenantId}: ${reason}`,
              {
                tenantId,
                fn,
                detail: reason,
              },
            ),
          retryable: false,
        };
      }
      if (controller.signal.aborted) return { error: timeout, retryable: false };
      const reason = redactSecrets(e instanceof Error ? e.message : String(e));
      return {
        error: (fn) =>
          new NetworkError(`Could not reach Microsoft Graph: ${reason}`, { tenantId, fn, detail: reason }),
        retryable: true,
      };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
}

function malformed(
  tenantId: string,
  fn: string | undefined,
  what: string,
  requestId: string | null,
): MetricsApiError {
  return new MalformedResponseError(
    `Microsoft Graph returned a batch answer Pulse could not read: ${what}.`,
    {
      tenantId,
      fn,
      status: 200,
      requestId: requestId ?? undefined,
      detail: what,
    },
  );
}
