import type { SimState } from '../state';
import { authenticate } from './authorize';
import { badRequest, graphError, unauthenticated } from './errors';
import { ODATA_CONTENT_TYPE, type Correlation, type GraphResult } from './result';
import { graphCall } from './dispatch';
import type { CallMeta } from './service-activity';

/** Documented JSON batching limit. */
export const MAX_BATCH = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

/** One processed item, for the request log. */
export interface BatchItemOutcome {
  id: string;
  status: number;
  path: string;
  query?: string;
  meta: CallMeta;
}

function validateItems(body: unknown): BatchItem[] | string {
  const requests = (body as { requests?: unknown })?.requests;
  if (!Array.isArray(requests))
    return "Invalid batch payload format: expected an object with a 'requests' array.";
  if (requests.length === 0) return 'Invalid batch payload format: the batch contains no requests.';
  if (requests.length > MAX_BATCH)
    return `The batch contains ${requests.length} requests; the limit is ${MAX_BATCH}.`;
  const seen = new Set<string>();
  const items: BatchItem[] = [];
  for (const [i, r] of requests.entries()) {
    const item = r as Partial<BatchItem>;
    for (const field of ['id', 'method', 'url'] as const) {
      if (typeof item[field] !== 'string' || !item[field])
        return `Batch request at index ${i} is missing the '${field}' property.`;
    }
    const id = (item.id as string).toLowerCase(); // ids are not case-sensitive
    if (seen.has(id)) return `Batch request ids must be unique: '${item.id}' is used more than once.`;
    for (const dep of item.dependsOn ?? []) {
      if (!seen.has(String(dep).toLowerCase()))
        return `Batch request '${item.id}' depends on '${dep}', which does not precede it.`;
    }
    seen.add(id);
    items.push(item as BatchItem);
  }
  return items;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
}

/**
 * `POST /{version}/$batch`: 400 for a malformed batch (unparsable, not 1–20 items, duplicate ids); otherwise 200
 * with one response per item. Items run in order; each counts against throttling and faults on its own; a
 * dependent of a failed item gets 424.
 */
export function batchCall(
  state: SimState,
  version: string,
  rawBody: string,
  authorization: string | undefined,
  correlation: Correlation,
  itemCorrelation: (clientRequestId?: string) => Correlation,
): { result: GraphResult; items: BatchItemOutcome[] } {
  if (authorization || state.requireAuth) {
    // The batch itself needs a valid token (Graph answers 401 for the whole batch, not per item).
    const auth = authenticate(authorization, state.key, state.now().getTime());
    if (!auth.ok) return { result: unauthenticated(auth.message, correlation), items: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return {
      result: badRequest('Invalid batch payload format: the body is not valid JSON.', correlation),
      items: [],
    };
  }
  const items = validateItems(parsed);
  if (typeof items === 'string') return { result: badRequest(items, correlation), items: [] };
  const statusById = new Map<string, number>();
  const outcomes: BatchItemOutcome[] = [];
  const responses = items.map((item) => {
    const c = itemCorrelation(headerValue(item.headers, 'client-request-id'));
    const failedDep = (item.dependsOn ?? []).find((d) => (statusById.get(d.toLowerCase()) ?? 200) >= 400);
    const [pathPart, queryPart = ''] = item.url.split('?', 2);
    const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
    let out: { result: GraphResult; meta: CallMeta };
    if (failedDep) {
      out = {
        result: graphError(
          424,
          'FailedDependency',
          `Request '${item.id}' depends on '${failedDep}', which failed.`,
          c,
        ),
        meta: {},
      };
    } else if (/^[a-z]+:\/\//i.test(item.url)) {
      out = {
        result: badRequest('Batch request URLs must be relative, e.g. /reports/serviceActivity/….', c),
        meta: {},
      };
    } else {
      const query = new URLSearchParams(queryPart);
      out = graphCall(state, {
        method: item.method.toUpperCase(),
        version,
        path,
        query,
        authorization,
        correlation: c,
        prefer: headerValue(item.headers, 'prefer'),
      });
    }
    statusById.set(item.id.toLowerCase(), out.result.status);
    const logged = path.startsWith('/admin/') && queryPart ? safeDecode(queryPart) : undefined;
    outcomes.push({ id: item.id, status: out.result.status, path, query: logged, meta: out.meta });
    return { id: item.id, status: out.result.status, headers: out.result.headers, body: out.result.body };
  });
  if (state.faults.get().shuffleBatch) responses.reverse();
  return {
    result: {
      status: 200,
      headers: {
        'Content-Type': ODATA_CONTENT_TYPE,
        'OData-Version': '4.0',
        'request-id': correlation.requestId,
        'client-request-id': correlation.clientRequestId,
      },
      body: { responses },
    },
    items: outcomes,
  };
}
