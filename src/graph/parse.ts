import type { MetricUnit } from '../domain/catalog-types';
import { bucketStarts, floorToBucket, isoSeconds } from '../domain/buckets';
import { MalformedResponseError } from './errors';
import type { Series, SeriesPoint } from '../domain/series';
import type { MetricWindow } from '../domain/window';

export interface ParseContext {
  tenantId: string;
  fn: string;
  unit: MetricUnit;
  window: MetricWindow;
  requestId?: string;
}

/**
 * Validates a serviceActivity response (`{"value":[{intervalStartDateTime, value|percentage}]}`) and returns the
 * series over the requested window. Points outside the window are ignored, off-boundary timestamps are floored to
 * their bucket, and buckets with no point become gaps. Throws MalformedResponseError on anything else.
 */
export function parseSeries(body: unknown, ctx: ParseContext): Series {
  const fail = (what: string) =>
    new MalformedResponseError(`Microsoft Graph returned data Pulse could not read for ${ctx.fn}: ${what}.`, {
      tenantId: ctx.tenantId,
      fn: ctx.fn,
      status: 200,
      requestId: ctx.requestId,
      detail: what,
    });
  let json = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      throw fail('the body is not JSON');
    }
  }
  const items = (json as { value?: unknown } | null)?.value;
  if (!Array.isArray(items)) throw fail('the body has no "value" array');
  const { start, end, intervalMinutes } = ctx.window;
  const startMs = start.getTime();
  const endMs = end.getTime();
  const byBucket = new Map<number, SeriesPoint>();
  items.forEach((item, i) => {
    const { ms, canonical } = readTime(item, i, fail);
    const v = readNumber(item, i, ctx.unit, fail);
    if (ms < startMs || ms >= endMs) return;
    const t = floorToBucket(ms, intervalMinutes);
    // Reuse Graph's own string when it already is the bucket start in our form (the usual case).
    byBucket.set(t, { t: canonical && t === ms ? canonical : isoSeconds(t), v });
  });
  const points: SeriesPoint[] = [];
  const gaps: string[] = [];
  for (const t of bucketStarts(startMs, endMs, intervalMinutes)) {
    const p = byBucket.get(t);
    if (p) points.push(p);
    else gaps.push(isoSeconds(t));
  }
  return { fn: ctx.fn, intervalMinutes, start: isoSeconds(startMs), end: isoSeconds(endMs), points, gaps };
}

type Fail = (what: string) => MalformedResponseError;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const LENIENT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

function readTime(item: unknown, i: number, fail: Fail): { ms: number; canonical?: string } {
  const raw = (item as { intervalStartDateTime?: unknown } | null)?.intervalStartDateTime;
  if (typeof raw !== 'string') throw fail(`item ${i} has no valid intervalStartDateTime`);
  // Fast path: Graph's usual whole-second UTC form.
  if (CANONICAL.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return { ms, canonical: raw };
  }
  let ms = Number.NaN;
  if (Number.isNaN(ms) && LENIENT.test(raw)) {
    // 0-7 fractional digits, a space for `T`, an offset; a zone-less value is read as UTC, never as local time.
    const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(raw) ? raw : `${raw}Z`;
    ms = Date.parse(withZone.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'));
  }
  if (Number.isNaN(ms)) throw fail(`item ${i} has no valid intervalStartDateTime`);
  return { ms };
}

function readNumber(item: unknown, i: number, unit: MetricUnit, fail: Fail): number {
  const field = unit === 'percent' ? 'percentage' : 'value';
  const raw = (item as Record<string, unknown>)[field];
  // IEEE754Compatible=true serialises Int64 as a string; accept a numeric string for counts.
  const v = typeof raw === 'string' && unit === 'count' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw fail(
      `item ${i} has no numeric "${field}" (expected a ${unit === 'percent' ? 'performance' : 'value'} metric)`,
    );
  }
  if (unit === 'count' && (!Number.isInteger(v) || v < 0))
    throw fail(`item ${i} "value" is not a non-negative integer`);
  if (unit === 'percent' && (v < 0 || v > 100)) throw fail(`item ${i} "percentage" is outside 0-100`);
  return v;
}
