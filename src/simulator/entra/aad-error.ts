import { randomUUID } from 'node:crypto';

/** A token endpoint answer: status and JSON body. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/** An Entra (AAD) v2 token error: `{error, error_description: "AADSTSnnn: …", error_codes, timestamp, …}`. */
export function aadError(
  error: string,
  code: number,
  description: string,
  now: Date,
  extra: Record<string, unknown> = {},
  status = 400,
): TokenResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      ...extra,
    },
  };
}
