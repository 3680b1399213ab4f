import type { MetricUnit } from '../domain/catalog-types';
import type { MetricQuery, QueryOutcome, SharedFailure } from './client-types';
import { MetricsApiError } from './errors';
import { mapGraphError } from './error-mapping';
import { parseSeries } from './parse';
import { retryAfterMs } from './retry-after';
import { isRetryableStatus } from './retry';
import type { RawResponse } from './sdk-transport';

/** A GET answer or batch item: 2xx is parsed into a series, anything else mapped to a typed error. */
export function interpretResponse(
  raw: RawResponse,
  ctx: { tenantId: string; query: MetricQuery; unit: MetricUnit; now: number },
): QueryOutcome {
  const { tenantId, query } = ctx;
  if (raw.status >= 200 && raw.status < 300) {
    const requestId = raw.headers.get('request-id') ?? undefined;
    try {
      const series = parseSeries(raw.body, {
        tenantId,
        fn: query.fn,
        unit: ctx.unit,
        window: query.window,
        requestId,
      });
      return { ok: true, value: series };
    } catch (e) {
      if (e instanceof MetricsApiError) return { ok: false, error: e, retryable: false };
      throw e;
    }
  }
  const failure = statusFailure(raw, tenantId, ctx.now);
  return {
    ok: false,
    error: failure.error(query.fn),
    retryable: failure.retryable,
    retryAfterMs: failure.retryAfterMs,
  };
}

/** A non-2xx answer as a failure of every query it carried (used for a `$batch` refused as a whole). */
export function statusFailure(raw: RawResponse, tenantId: string, now: number): SharedFailure {
  return {
    error: (fn) =>
      mapGraphError({ status: raw.status, body: raw.body, headers: raw.headers, tenantId, fn, now }),
    retryable: isRetryableStatus(raw.status),
    retryAfterMs: retryAfterMs(raw.headers.get('retry-after'), now),
  };
}
