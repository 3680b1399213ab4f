import { BatchRequestContent, type BatchRequestBody } from '@microsoft/microsoft-graph-client';
import { headerLookup } from './retry-after';
import type { RawResponse } from './sdk-transport';

/**
 * `{"requests":[{id, method: GET, url: relative path, headers?}]}` via the SDK's BatchRequestContent (which enforces
 * ≤ 20). `headers` travel per item (e.g. `Prefer: odata.maxpagesize=1000`).
 */
export function buildBatchBody(
  origin: string,
  items: { id: string; path: string; headers?: Record<string, string> }[],
): Promise<BatchRequestBody> {
  const content = new BatchRequestContent(
    items.map(({ id, path, headers }) => ({
      id,
      // Node's Request needs an absolute URL; BatchRequestContent strips the origin back to the relative path.
      request: new Request(`${origin}${path}`, { method: 'GET', headers }),
    })),
  );
  return content.getContent();
}

/**
 * Reads a `$batch` answer into one response per item id (answers may come in any order), bodies left as parsed
 * JSON; or returns what is wrong with it. The SDK's BatchResponseContent is not used here: it re-serialises every
 * body into a `Response` (double JSON work on answers of ~1 MB) and turns an object body whose header key is not
 * exactly `Content-Type` into "[object Object]".
 */
export function readBatchAnswer(text: string): Map<string, RawResponse> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const responses = (parsed as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses)) return 'the body has no "responses" array';
  const out = new Map<string, RawResponse>();
  for (const r of responses) {
    const item = r as { id?: unknown; status?: unknown; headers?: unknown; body?: unknown } | null;
    if (!item || typeof item.id !== 'string') return 'an item has no id';
    if (typeof item.status !== 'number' || item.status < 100 || item.status > 599) {
      return `item ${item.id} has no valid status`;
    }
    const headers = headerLookup((item.headers ?? {}) as Record<string, unknown>);
    out.set(item.id.toLowerCase(), { status: item.status, headers, body: item.body });
  }
  return out;
}
