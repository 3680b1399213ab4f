import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Correlation, GraphResult } from './graph/result';

/** Largest accepted request body (a full 20-item batch is a few KB). */
const MAX_BODY = 1024 * 1024;

/** Reads the request body as UTF-8, rejecting bodies over 1 MiB. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a GraphResult; string bodies (the malformed-JSON fault) are written as-is. */
export function sendResult(res: ServerResponse, result: GraphResult): void {
  const body = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
  res.writeHead(result.status, { ...result.headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Writes a plain JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendResult(res, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body,
  });
}

/** Fresh request-id; the caller's client-request-id echoed (or a fresh one). */
export function correlationFor(clientRequestId: string | undefined, date: Date): Correlation {
  return { requestId: randomUUID(), clientRequestId: clientRequestId || randomUUID(), date };
}

/** Waits `ms` milliseconds (real timers). */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
