/** A Graph answer before it is written to a socket or wrapped in a batch response. */
export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  /** A JSON value, or a raw string (used only by the malformed-body fault). */
  body: unknown;
  /** Why the answer looks like this, for the request log (`throttled`, `fault:503`, …). */
  note?: string;
}

/** The content type Graph uses for OData JSON answers (from the json-batching example). */
export const ODATA_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Correlation ids of one request: a fresh `request-id` and the caller's `client-request-id` (or a fresh one). */
export interface Correlation {
  requestId: string;
  clientRequestId: string;
  date: Date;
}
