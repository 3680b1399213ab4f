import http from 'node:http';

/** A request as an attacker would shape it: any method, path, headers and body; `chunks` sends it chunked. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Sent with Transfer-Encoding: chunked (no Content-Length), one write per chunk. */
  chunks?: Buffer[];
}

/**
 * Sends a raw request over loopback and resolves with the answer. A server that answers before reading the whole
 * body (and closes) may make the rest of the upload fail; that is the point, so write errors after the answer are
 * ignored.
 */
export function rawRequest(baseUrl: string, r: RawRequest): Promise<{ status: number; body: string }> {
  const url = new URL(r.path, baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...r.headers };
    if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body);
    const req = http.request(url, { method: r.method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    if (r.chunks) {
      const write = (i: number): void => {
        if (i === r.chunks!.length) return void req.end();
        if (req.destroyed) return;
        if (req.write(r.chunks![i])) setImmediate(() => write(i + 1));
        else req.once('drain', () => write(i + 1));
      };
      write(0);
    } else req.end(r.body);
  });
}

/** A multipart/form-data upload of one file of `bytes` bytes, as a browser form or curl -F would send it. */
export function multipartUpload(bytes: number): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----pulse-security-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fill.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.alloc(bytes, 0x41),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}
