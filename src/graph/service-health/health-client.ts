import { randomUUID } from 'node:crypto';
import { buildBatchBody, readBatchAnswer } from '../batch-content';
import { runBatched } from '../batch';
import type { CallOptions, TokenProvider } from '../client-types';
import { MalformedResponseError, ServiceError, SignInRequiredError, type MetricsApiError } from '../errors';
import { exchange } from '../http-exchange';
import { retryAfterMs } from '../retry-after';
import {
  CHAT_RETRY_POLICY,
  isRetryableStatus,
  REAL_RETRY_DEPS,
  runWithRetry,
  type AttemptOutcome,
  type RetryDeps,
} from '../retry';
import { SdkTransport, type RawResponse } from '../sdk-transport';
import { DEFAULT_GRAPH_BASE_URL, normaliseBaseUrl } from '../url';
import type { ServiceHealthBudget } from './health-budget';
import { healthBudgetError, mapHealthError, type HealthResource } from './health-errors';
import { nextLinkPath, preferPageSize } from './health-paths';

/** One collection to read: its path (with any `$filter`) and which permission and label it falls under. */
export interface CollectionRequest {
  path: string;
  resource: HealthResource;
}

/** Per-request result of a batched read; one failing collection never fails the others. */
export type CollectionResult = { ok: true; values: unknown[] } | { ok: false; error: MetricsApiError };

type Outcome<T> = AttemptOutcome<T, MetricsApiError>;

export interface ServiceHealthClientOptions {
  /** Default token source when a call names no caller (`CallOptions.token`). */
  tokenProvider?: TokenProvider;
  /** Default https://graph.microsoft.com. */
  baseUrl?: string;
  /** When given, every request and batch item is counted and none is sent past it. */
  budget?: ServiceHealthBudget;
  /** `Prefer: odata.maxpagesize` for collections; default the documented maximum, 1,000. */
  pageSize?: number;
  deps?: Partial<RetryDeps>;
}

/**
 * The service communications API (`/v1.0/admin/serviceAnnouncement`) on the same Graph stack as the telemetry: the
 * Graph SDK transport with per-tenant tokens, `$batch` for several collections, `Retry-After` and backoff within the
 * call's time budget, the client-side request budget, and typed errors. Collections follow `@odata.nextLink`.
 */
export class ServiceHealthClient {
  /** HTTP requests sent (a `$batch` counts once) and batch items carried. */
  readonly stats = { httpRequests: 0, batchItems: 0 };
  private readonly transport: SdkTransport;

  /** The caller's token (`CallOptions.token`), else the default provider; with neither, sign-in is required. */
  private token(tenantId: string, opts: CallOptions): Promise<string> {
    const provider = opts.token ?? this.opts.tokenProvider;
    if (provider) return provider(tenantId);
    return Promise.reject(
      new SignInRequiredError('Sign in first: no signed-in caller for this Graph call.', { tenantId }),
    );
  }
  private readonly base: string;
  private readonly origin: string;
  private readonly deps: RetryDeps;

  constructor(private readonly opts: ServiceHealthClientOptions) {
    this.base = normaliseBaseUrl(opts.baseUrl ?? DEFAULT_GRAPH_BASE_URL);
    this.transport = new SdkTransport(this.base);
    this.origin = new URL(this.base).origin;
    this.deps = { ...REAL_RETRY_DEPS, ...opts.deps };
  }

  /** One issue or message; undefined when Graph answers 404 (an unknown id). Throws a MetricsApiError. */
  async getOne(tenantId: string, req: CollectionRequest, opts: CallOptions = {}): Promise<unknown> {
    const call = { ...opts, correlationId: opts.correlationId ?? randomUUID() };
    const out = await runWithRetry(
      (_a, remainingMs) => this.get(tenantId, req, remainingMs, call, true),
      opts.policy ?? CHAT_RETRY_POLICY,
      this.deps,
    );
    if (!out.ok) throw out.error;
    return out.value;
  }

  /** Every item of one collection, following `@odata.nextLink`. Throws a MetricsApiError. */
  async getAll(tenantId: string, req: CollectionRequest, opts: CallOptions = {}): Promise<unknown[]> {
    const [result] = await this.getMany(tenantId, [req], opts);
    if (!result.ok) throw result.error;
    return result.values;
  }

  /**
   * Several collections at once: one request alone is a plain GET, two or more share one `$batch` (each item retried
   * on its own `Retry-After`); further pages of any of them follow as GETs. One result per request, in order.
   */
  async getMany(
    tenantId: string,
    reqs: readonly CollectionRequest[],
    opts: CallOptions = {},
  ): Promise<CollectionResult[]> {
    const call = { ...opts, correlationId: opts.correlationId ?? randomUUID() };
    const policy = opts.policy ?? CHAT_RETRY_POLICY;
    const started = this.deps.now();
    const firsts: Outcome<unknown>[] =
      reqs.length === 1
        ? [await runWithRetry((_a, ms) => this.get(tenantId, reqs[0], ms, call, false), policy, this.deps)]
        : await runBatched(
            reqs.length,
            (slots, ms) => this.sendBatch(tenantId, slots, reqs, ms, call),
            policy,
            this.deps,
          );
    return Promise.all(
      firsts.map(async (first, i): Promise<CollectionResult> => {
        if (!first.ok) return { ok: false, error: first.error };
        const values: unknown[] = [];
        let page = first.value;
        for (;;) {
          const read = this.readPage(tenantId, reqs[i].resource, page);
          if ('error' in read) return { ok: false, error: read.error };
          values.push(...read.value);
          if (read.next === undefined) return { ok: true, values };
          const next = { ...reqs[i], path: read.next };
          const left = { ...policy, budgetMs: policy.budgetMs - (this.deps.now() - started) };
          const out = await runWithRetry(
            (_a, ms) => this.get(tenantId, next, ms, call, false),
            left,
            this.deps,
          );
          if (!out.ok) return { ok: false, error: out.error };
          page = out.value;
        }
      }),
    );
  }

  /** `{value: [...], @odata.nextLink?}` or the reason it is not. */
  private readPage(tenantId: string, resource: HealthResource, body: unknown) {
    const page = body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
    const fail = (detail: string) => ({
      error: new MalformedResponseError(
        `Microsoft Graph returned a ${resource === 'health' ? 'service health' : 'Message center'} page Pulse could not read: ${detail}.`,
        {
          tenantId,
          status: 200,
          detail,
        },
      ),
    });
    if (!page || !Array.isArray(page.value)) return fail('no "value" array');
    const link = page['@odata.nextLink'];
    const next = link === undefined || link === null ? undefined : nextLinkPath(link, this.base);
    if (link !== undefined && link !== null && next === undefined)
      return fail('a next page link to another address');
    return { value: page.value as unknown[], next };
  }

  private async get(
    tenantId: string,
    req: CollectionRequest,
    remainingMs: number,
    opts: CallOptions,
    single: boolean,
  ): Promise<Outcome<unknown>> {
    const budget = this.opts.budget?.tryAcquire(tenantId);
    if (budget && !budget.ok)
      return {
        ok: false,
        error: healthBudgetError(tenantId, req.resource, budget.retryAt),
        retryable: false,
      };
    this.stats.httpRequests += 1;
    const raw = await exchange(this.transport, {
      tenantId,
      method: 'GET',
      version: 'v1.0',
      path: req.path,
      headers: single ? undefined : preferPageSize(this.opts.pageSize),
      remainingMs,
      getAccessToken: () => this.token(tenantId, opts),
      opts,
    });
    if ('error' in raw)
      return {
        ok: false,
        error: raw.error(undefined),
        retryable: raw.retryable,
        retryAfterMs: raw.retryAfterMs,
      };
    if (single && raw.status === 404) return { ok: true, value: undefined };
    return this.interpret(tenantId, req.resource, raw, true);
  }

  private interpret(
    tenantId: string,
    resource: HealthResource,
    raw: RawResponse,
    text: boolean,
  ): Outcome<unknown> {
    const now = this.deps.now();
    if (raw.status >= 200 && raw.status < 300) {
      if (!text || typeof raw.body !== 'string') return { ok: true, value: raw.body };
      try {
        return { ok: true, value: JSON.parse(raw.body) };
      } catch {
        const error = new MalformedResponseError(
          'Microsoft Graph returned service health data that is not JSON.',
          {
            tenantId,
            status: raw.status,
          },
        );
        return { ok: false, error, retryable: false };
      }
    }
    return {
      ok: false,
      error: mapHealthError(raw, tenantId, resource, now),
      retryable: isRetryableStatus(raw.status),
      retryAfterMs: retryAfterMs(raw.headers.get('retry-after'), now),
    };
  }

  private async sendBatch(
    tenantId: string,
    slots: { index: number }[],
    reqs: readonly CollectionRequest[],
    remainingMs: number,
    opts: CallOptions,
  ): Promise<Map<number, Outcome<unknown>>> {
    const out = new Map<number, Outcome<unknown>>();
    const budget = this.opts.budget?.tryAcquire(tenantId, slots.length);
    if (budget && !budget.ok) {
      for (const s of slots)
        out.set(s.index, {
          ok: false,
          error: healthBudgetError(tenantId, reqs[s.index].resource, budget.retryAt),
          retryable: false,
        });
      return out;
    }
    const body = await buildBatchBody(
      this.origin,
      slots.map((s) => ({
        id: String(s.index),
        path: reqs[s.index].path,
        headers: preferPageSize(this.opts.pageSize),
      })),
    );
    this.stats.httpRequests += 1;
    this.stats.batchItems += slots.length;
    const raw = await exchange(this.transport, {
      tenantId,
      method: 'POST',
      version: 'v1.0',
      path: '/$batch',
      body,
      remainingMs,
      getAccessToken: () => this.token(tenantId, opts),
      opts,
    });
    const failAll = (f: (r: HealthResource) => Outcome<unknown>) => {
      for (const s of slots) out.set(s.index, f(reqs[s.index].resource));
      return out;
    };
    if ('error' in raw)
      return failAll(() => ({
        ok: false,
        error: raw.error(undefined),
        retryable: raw.retryable,
        retryAfterMs: raw.retryAfterMs,
      }));
    if (raw.status !== 200) return failAll((r) => this.interpret(tenantId, r, raw, true));
    const answers = readBatchAnswer(typeof raw.body === 'string' ? raw.body : '');
    if (typeof answers === 'string') {
      const error = new MalformedResponseError(
        `Microsoft Graph returned a batch answer Pulse could not read: ${answers}.`,
        {
          tenantId,
          status: 200,
          detail: answers,
        },
      );
      return failAll(() => ({ ok: false, error, retryable: false }));
    }
    for (const s of slots) {
      const answer = answers.get(String(s.index));
      const resource = reqs[s.index].resource;
      if (answer) out.set(s.index, this.interpret(tenantId, resource, answer, false));
      else {
        const error = new ServiceError(
          'Microsoft Graph left a service health request out of the batch answer.',
          { tenantId, status: 200 },
        );
        out.set(s.index, { ok: false, error, retryable: true });
      }
    }
    return out;
  }
}
