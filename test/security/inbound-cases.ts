import { MAX_BODY_BYTES } from '../../src/server/json-body';
import { activity } from '../helpers/activities';
import { multipartUpload, type RawRequest } from './http-request';
import type { SecurityCase } from './security-case';

/** An inbound HTTP row: the raw request and the status (and answer) it must get, from an unsigned caller. */
export interface InboundCase extends SecurityCase {
  request: (serviceUrl: string) => RawRequest;
  status: number;
  answer?: RegExp;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const MB = 1024 * 1024;

/** A JSON activity whose serialised size is exactly `bytes` (the text is padded). */
export function activityOfSize(serviceUrl: string, bytes: number): string {
  const base = activity(serviceUrl, { text: '' });
  const empty = JSON.stringify(base).length;
  return JSON.stringify({ ...base, text: 'a'.repeat(bytes - empty) });
}

const upload = (path: string, method = 'POST', bytes = 5 * MB): RawRequest => ({
  method,
  path,
  ...multipartUpload(bytes),
});

/**
 * Requests nobody signed: wrong media types, uploads, oversize and compressed bodies, on every route. Each must be
 * refused (or ignored) without a byte reaching the disk or the store and without the bot sending anything.
 */
export const INBOUND_CASES: InboundCase[] = [
  {
    id: 'IN-01',
    name: '5 MB multipart upload to /api/messages',
    request: () => upload('/api/messages'),
    status: 415,
    answer: /application\/json/,
  },
  {
    id: 'IN-02',
    name: '1 KB multipart upload to /api/messages',
    request: () => upload('/api/messages', 'POST', 1024),
    status: 415,
  },
  {
    id: 'IN-03',
    name: 'url-encoded form to /api/messages',
    request: () => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=help',
    }),
    status: 415,
  },
  {
    id: 'IN-04',
    name: 'JSON sent as text/plain',
    request: (s) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(activity(s, { text: 'help' })),
    }),
    status: 415,
  },
  {
    id: 'IN-05',
    name: 'no Content-Type',
    request: (s) => ({ method: 'POST', path: '/api/messages', body: JSON.stringify(activity(s)) }),
    status: 415,
  },
  {
    id: 'IN-06',
    name: 'application/json with a non-UTF-8 charset',
    request: (s) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: JSON.stringify(activity(s)),
    }),
    status: 415,
  },
  {
    id: 'IN-07',
    name: 'a JSON look-alike type (application/json-patch+json)',
    request: (s) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify(activity(s)),
    }),
    status: 415,
  },
  {
    id: 'IN-08',
    name: 'gzip-encoded JSON (a decompression bomb needs no more)',
    request: () => ({
      method: 'POST',
      path: '/api/messages',
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
      body: Buffer.alloc(1024),
    }),
    status: 415,
    answer: /uncompressed/,
  },
  {
    id: 'IN-09',
    name: 'JSON one byte over the limit (declared length)',
    request: (s) => ({
      method: 'POST',
      path: '/api/messages',
      headers: JSON_TYPE,
      body: activityOfSize(s, MAX_BODY_BYTES + 1),
    }),
    status: 413,
    answer: /256 KB/,
  },
  {
    id: 'IN-10',
    name: '20 MB of chunked JSON (no declared length)',
    request: () => ({
      method: 'POST',
      path: '/api/messages',
      headers: JSON_TYPE,
      chunks: Array.from({ length: 320 }, () => Buffer.alloc(64 * 1024, 0x20)),
    }),
    status: 413,
  },
  {
    id: 'IN-11',
    name: 'unsigned JSON activity of exactly the limit, with a charset',
    request: (s) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: activityOfSize(s, MAX_BODY_BYTES),
    }),
    status: 401,
  },
  {
    id: 'IN-12',
    name: 'invalid JSON',
    request: () => ({ method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: '{"type":' }),
    status: 400,
    answer: /not valid JSON/,
  },
  { id: 'IN-13', name: 'multipart upload to /healthz', request: () => upload('/healthz'), status: 405 },
  {
    id: 'IN-14',
    name: 'GET /healthz carrying a multipart body',
    request: () => upload('/healthz', 'GET'),
    status: 200,
  },
  {
    id: 'IN-15',
    name: 'GET /readyz carrying a multipart body',
    request: () => upload('/readyz', 'GET'),
    status: 200,
  },
  {
    id: 'IN-16',
    name: 'GET /auth-start.html carrying a multipart body',
    request: () => upload('/auth-start.html', 'GET'),
    status: 200,
  },
  {
    id: 'IN-17',
    name: 'multipart upload to /auth-end.html',
    request: () => upload('/auth-end.html'),
    status: 405,
  },
  { id: 'IN-18', name: 'multipart upload to an unknown path', request: () => upload('/upload'), status: 404 },
];
