const NO_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Checks a `$batch` answer and reshapes it for the SDK's BatchResponseContent, which only re-serialises JSON bodies
 * when the header key is exactly `Content-Type` and builds a `Response` from each item (status 200–599 required).
 * Returns the body, or a description of what is wrong.
 */
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
    let body = NO_BODY_STATUSES.has(item.status) ? undefined : item.body;
    if (body !== undefined && typeof body !== 'string') {
      if (!headers['Content-Type']?.startsWith('application/json'))
        headers['Content-Type'] = 'application/json';
    } else if (typeof body === 'string' && headers['Content-Type']?.startsWith('application/json')) {
      // A JSON string value would be double-encoded by BatchResponseContent; keep it as text.
      headers['Content-Type'] = 'text/plain';
    }
    if (body === null) body = undefined;
    out.push({ id: item.id, status: item.status, headers, body });
  }
  return { responses: out };
}
