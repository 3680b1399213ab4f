import {
  BatchRequestContent,
  BatchResponseContent,
  type BatchRequestBody,
  type BatchResponseBody,
} from '@microsoft/microsoft-graph-client';
import type { RawResponse } from './sdk-transport';

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** `{"requests":[{id, method: GET, url: relative path}]}` via the SDK's BatchRequestContent (which enforces ≤ 20). */
export function buildBatchBody(
  origin: string,
  items: { id: string; path: string }[],
): Promise<BatchRequestBody> {
  const content = new BatchRequestContent(
    items.map(({ id, path }) => ({
      id,
      // Node's Request needs an absolute URL; BatchRequestContent strips the origin back to the relative path.
      request: new Request(`${origin}${path}`, { method: 'GET' }),
    })),
  );
  return content.getContent();
}

/**
 * Reads a `$batch` answer into one raw response per item id (answers may come in any order), or describes what is
 * wrong with it. Items go through the SDK's BatchResponseContent after reshaping: it only re-serialises JSON bodies
 * when the header key is exactly `Content-Type`, and builds a `Response` per item (status 200–599 required).
 */
export async function readBatchAnswer(text: string): Promise<Map<string, RawResponse> | string> {
  const body = normaliseBatchBody(text);
  if (typeof body === 'string') return body;
  const out = new Map<string, RawResponse>();
  for (const [id, res] of new BatchResponseContent(body as BatchResponseBody).getResponses()) {
    out.set(id, { status: res.status, headers: res.headers, text: await res.text() });
  }
  return out;
}

/** Checks a `$batch` answer's shape and reshapes items for BatchResponseContent; a string says what is wrong. */
export function normaliseBatchBody(text: string): { responses: Record<string, unknown>[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const responses = (parsed as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses)) return 'the body has no "responses" array';
  const out: Record<string, unknown>[] = [];
  for (const r of responses) {
    const item = r as { id?: unknown; status?: unknown; headers?: unknown; body?: unknown } | null;
    if (!item || typeof item.id !== 'string') return 'an item has no id';
    if (typeof item.status !== 'number' || item.status < 200 || item.status > 599) {
      return `item ${item.id} has no valid status`;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((item.headers as Record<string, unknown>) ?? {})) {
      if (v !== undefined && v !== null)
        headers[k.toLowerCase() === 'content-type' ? 'Content-Type' : k] = String(v);
    }
    const body = NO_BODY_STATUSES.has(item.status) || item.body === null ? undefined : item.body;
    if (body !== undefined && typeof body !== 'string') {
      if (!headers['Content-Type']?.startsWith('application/json'))
        headers['Content-Type'] = 'application/json';
    } else if (typeof body === 'string' && headers['Content-Type']?.startsWith('application/json')) {
      // A JSON string value would be double-encoded by BatchResponseContent; keep it as text.
      headers['Content-Type'] = 'text/plain';
    }
    out.push({ id: item.id, status: item.status, headers, body });
  }
  return { responses: out };
}
