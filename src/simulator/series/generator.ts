import type { MetricDef } from '../../domain/catalog-types';
import type { TenantConfig } from '../types';
import type { MinuteModifier } from './effects';
import { minuteValue, type MinuteContext } from './minute-model';
import { profileOf } from './profiles';
import { hashString } from './random';

const MINUTE = 60_000;

/** One returned bucket, shaped exactly like Graph's serviceActivityValueMetric / PerformanceMetric. */
export type SeriesPoint =
  { intervalStartDateTime: string; value: number } | { intervalStartDateTime: string; percentage: number };

/** Inputs of a series; the output is a pure function of them. */
export interface SeriesRequest {
  seed: number;
  tenantId: string;
  tenant: TenantConfig;
  metric: MetricDef;
  start: Date;
  end: Date;
  intervalMinutes: number;
  now: Date;
  /** Minutes until a minute's counts are complete; newer minutes read low (0.6 → 1.0). 0 = no lag. */
  lagMinutes: number;
  modifiers: readonly MinuteModifier[];
}

/** Graph's timestamp form: whole seconds, `Z`. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Elapsed part of a minute at `nowMs` (1 for past minutes, a fraction for the open one). */
function elapsedFraction(minute: number, nowMs: number): number {
  return Math.min(1, (nowMs - minute * MINUTE) / MINUTE);
}

/**
 * Ingested part of a minute's value: a ramp from 0.6 at age 0 to 1.0 at `lag` minutes after the minute ended,
 * which makes the newest complete bucket "late" (low) until later calls.
 */
function ingestedFraction(minute: number, nowMs: number, lag: number): number {
  const age = (nowMs - (minute + 1) * MINUTE) / MINUTE;
  return lag <= 0 || age >= lag ? 1 : 0.6 + (0.4 * Math.max(0, age)) / lag;
}

/**
 * Buckets `[start + i·interval, …)` (start floored to the minute) for every bucket that began before `now` and
 * starts before `end`; minutes at or after `end` or `now` are not counted. Counts sum minutes, gauges take the
 * maximum, percentages average (weighted by the elapsed part of the open minute).
 */
export function generateSeries(req: SeriesRequest): SeriesPoint[] {
  const ctx: MinuteContext = {
    seed: req.seed,
    tenantHash: hashString(req.tenantId),
    fnHash: hashString(req.metric.fn),
    seats: req.tenant.seats,
    utcOffsetMinutes: req.tenant.utcOffsetMinutes ?? 0,
    metric: req.metric,
    profile: profileOf(req.metric),
    modifiers: req.modifiers,
  };
  const nowMs = req.now.getTime();
  const endMs = req.end.getTime();
  const first = Math.floor(req.start.getTime() / MINUTE);
  const points: SeriesPoint[] = [];
  for (let b = first; b * MINUTE < endMs && b * MINUTE < nowMs; b += req.intervalMinutes) {
    const last = Math.min(b + req.intervalMinutes, Math.ceil(endMs / MINUTE), Math.ceil(nowMs / MINUTE));
    points.push(bucket(ctx, b, last, nowMs, req.lagMinutes));
  }
  return points;
}

function bucket(ctx: MinuteContext, from: number, to: number, nowMs: number, lag: number): SeriesPoint {
  const intervalStartDateTime = formatInstant(from * MINUTE);
  let sum = 0;
  let weight = 0;
  let max = 0;
  for (let m = from; m < to; m++) {
    const v = minuteValue(ctx, m);
    const elapsed = elapsedFraction(m, nowMs);
    const ingested = ingestedFraction(m, nowMs, lag);
    if (ctx.profile.kind === 'gauge') max = Math.max(max, v);
    else if (ctx.profile.kind === 'percent') {
      const dip = ctx.profile.lateDip * (1 - ingested) * 2.5; // ingested 0.6 → full dip
      sum += v * (1 - dip) * elapsed;
      weight += elapsed;
    } else sum += Math.floor(v * elapsed * ingested);
  }
  if (ctx.profile.kind === 'percent') return { intervalStartDateTime, percentage: weight ? sum / weight : 0 };
  return { intervalStartDateTime, value: ctx.profile.kind === 'gauge' ? max : sum };
}
