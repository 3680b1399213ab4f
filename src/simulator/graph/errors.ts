import { ODATA_CONTENT_TYPE, type Correlation, type GraphResult } from './result';

/** Graph's innerError date: `2025-02-13T10:17:05` (no `Z`, as in the json-batching example). */
function innerDate(d: Date): string {
  return d.toISOString().slice(0, 19);
}

function headersOf(c: Correlation, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'request-id': c.requestId,
    'client-request-id': c.clientRequestId,
    ...extra,
  };
}

/** A Graph error answer `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}`. */
export function graphError(
  status: number,
  code: string,
  message: string,
  c: Correlation,
  extraHeaders: Record<string, string> = {},
  note?: string,
): GraphResult {
  return {
    status,
    headers: headersOf(c, extraHeaders),
    body: {
      error: {
        code,
        message,
        innerError: {
          date: innerDate(c.date),
          'request-id': c.requestId,
          'client-request-id': c.clientRequestId,
        },
      },
    },
    note,
  };
}

/** 400 BadRequest (the undocumented validation failures; code chosen to match Graph's OData parser errors). */
export function badRequest(message: string, c: Correlation): GraphResult {
  return graphError(400, 'BadRequest', message, c);
}

/** 429 with the body documented in Graph's throttling guide and `Retry-After` in seconds. */
export function tooManyRequests(retryAfterSeconds: number, c: Correlation, note = 'throttled'): GraphResult {
  return {
    status: 429,
    headers: headersOf(c, { 'Retry-After': String(retryAfterSeconds) }),
    body: {
      error: {
        code: 'TooManyRequests',
        innerError: {
          code: '429',
          date: innerDate(c.date),
          message: 'Please retry after',
          'request-id': c.requestId,
          'client-request-id': c.clientRequestId,
          status: '429',
        },
        message: 'Please retry again later.',
      },
    },
    note,
  };
}

/** 401 InvalidAuthenticationToken, with the WWW-Authenticate challenge Graph sends. */
export function unauthenticated(message: string, c: Correlation): GraphResult {
  const challenge =
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
    'client_id="00000003-0000-0000-c000-000000000000"';
  return graphError(401, 'InvalidAuthenticationToken', message, c, { 'WWW-Authenticate': challenge });
}

/** A successful collection answer with Graph's OData headers. */
export function collection(context: string, value: unknown[], c: Correlation): GraphResult {
  return {
    status: 200,
    headers: {
      'Content-Type': ODATA_CONTENT_TYPE,
      'OData-Version': '4.0',
      'request-id': c.requestId,
      'client-request-id': c.clientRequestId,
    },
    body: { '@odata.context': context, value },
  };
}
