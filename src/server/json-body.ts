import type { IncomingMessage } from 'node:http';

/** The largest activity /api/messages accepts, in bytes (Teams activities are a few KB; card submits tens of KB). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Why a request body is refused before it is read: the status to answer and a one-line reason. */
export interface BodyRefusal {
  status: 400 | 413 | 415;
  error: string;
}

/**
 * The header check, before a byte of the body is read: only `application/json` (a `charset=utf-8` parameter is
 * allowed, nothing else), no content encoding, and a declared length within `limit`. Returns undefined when the
 * body may be read.
 */
export function headerRefusal(
  headers: IncomingMessage['headers'],
  limit = MAX_BODY_BYTES,
): BodyRefusal | undefined {
  if (!isJsonContentType(headers['content-type']))
    return { status: 415, error: 'Unsupported media type: send the activity as application/json.' };
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity')
    return { status: 415, error: 'Unsupported content encoding: send the activity uncompressed.' };
  const declared = headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= limit)) return tooLarge(limit);
  return undefined;
}

/** `application/json`, optionally with `charset=utf-8` (JSON is UTF-8 by definition); any other parameter is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/**
 * Reads the body into memory, never past `limit` bytes (a chunked body that grows past it is refused with 413 and
 * the rest is not read), then parses it as JSON (400 when it is not). Nothing is written anywhere.
 */
export function readJsonBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<{ body: unknown } | BodyRefusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (v: { body: unknown } | BodyRefusal) => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      resolve(v);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        settle(tooLarge(limit));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', () => settle({ status: 400, error: 'The request body could not be read.' }));
    req.on('aborted', () => settle({ status: 400, error: 'The request body was cut short.' }));
    req.on('end', () => {
      try {
        settle({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        settle({ status: 400, error: 'Bad activity: the body is not valid JSON.' });
      }
    });
  });
}

function tooLarge(limit: number): BodyRefusal {
  return { status: 413, error: `Payload too large: an activity may be at most ${limit / 1024} KB.` };
}
