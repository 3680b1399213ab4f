import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers for one call (a direct GET or one batch item). */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeCall {
  method: string;
  /** Path relative to /beta, e.g. `/reports/serviceActivity/getX(...)`. */
  path: string;
  authorization?: string;
  clientRequestId?: string;
  /** Set for batch items: the batch request id and the batch's sequence number. */
  batchId?: string;
  batchSeq?: number;
}

/** A loopback Graph stand-in for cases the simulator does not model (malformed batches, hangs, batch-level 429). */
export interface FakeGraph {
  url: string;
  calls: FakeCall[];
  /** One entry per HTTP request: `GET …` or `POST /beta/$batch (n items)`. */
  http: { method: string; path: string; items: number; at: number }[];
  /** Peak number of HTTP requests in flight at once. */
  maxConcurrent: number;
  close(): Promise<void>;
}

export type FakeHandler = (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>;
export type BatchOverride = (items: unknown[]) => FakeAnswer | undefined;

/** Value-metric body with one point per bucket start given. */
export function valueBody(starts: string[], v = 1): unknown {
  return { value: starts.map((t) => ({ intervalStartDateTime: t, value: v })) };
}

export async function startFakeGraph(
  handler: FakeHandler,
  opts: { delayMs?: number; batchOverride?: BatchOverride } = {},
): Promise<FakeGraph> {
  let inFlight = 0;
  let batchSeq = 0;
  const fake: Omit<FakeGraph, 'url' | 'close'> = { calls: [], http: [], maxConcurrent: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      inFlight++;
      fake.maxConcurrent = Math.max(fake.maxConcurrent, inFlight);
      try {
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        const path = decodeURI(req.url ?? '').replace(/^\/beta/, '');
        const common = {
          authorization: req.headers.authorization,
          clientRequestId: req.headers['client-request-id'] as string,
        };
        let answer: FakeAnswer;
        if (req.method === 'POST' && path === '/$batch') {
          const seq = ++batchSeq;
          const items = (
            JSON.parse(Buffer.concat(chunks).toString()) as {
              requests: { id: string; method: string; url: string }[];
            }
          ).requests;
          fake.http.push({ method: 'POST', path, items: items.length, at: Date.now() });
          answer = opts.batchOverride?.(items) ?? {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
            body: {
              responses: await Promise.all(
                items.map(async (it) => {
                  const call = { method: it.method, path: it.url, ...common, batchId: it.id, batchSeq: seq };
                  fake.calls.push(call);
                  const a = await handler(call);
                  return {
                    id: it.id,
                    status: a.status,
                    headers: { 'Content-Type': 'application/json', ...a.headers },
                    body: a.body,
                  };
                }),
              ),
            },
          };
        } else {
          fake.http.push({ method: req.method ?? '', path, items: 0, at: Date.now() });
          const call = { method: req.method ?? '', path, ...common };
          fake.calls.push(call);
          answer = await handler(call);
        }
        if (answer.status === 0) return; // hang: never answer
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(text);
      } finally {
        inFlight--;
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  }) as FakeGraph;
}
