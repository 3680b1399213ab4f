import { METRICS, metricByFn } from '../../src/domain/catalog';
import type { IntervalMinutes } from '../../src/domain/catalog-types';
import type { MetricsApiError } from '../../src/graph/errors';
import type { MetricStatus, StatusReport } from '../../src/graph/metrics-reader';
import { WEEK_MS } from '../../src/domain/time';
import type { Series, SeriesPoint } from '../../src/domain/series';

/** A Friday afternoon, five minutes after a 15-minute bucket ended. */
export const NOW = new Date('2026-11-27T14:20:00Z');
export const TENANT = '11111111-2222-3333-4444-555555555555';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A deterministic "noise" in [-1, 1] from a number (no Math.random in golden inputs). */
export function noise(n: number): number {
  const x = Math.sin(n * 12.9898) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

/** A working-day wave around `base`: higher in the (UTC) afternoon, with a little deterministic noise. */
export function wave(ms: number, base: number, seed = 1): number {
  const hour = (ms / 3_600_000) % 24;
  return base * (1 + 0.4 * Math.sin(((hour - 8) / 24) * 2 * Math.PI) + 0.05 * noise(ms / 60_000 + seed));
}

/** Level of a metric at an instant: counts wave around 100 × typical, percentages stay near typical. */
export function level(fn: string, ms: number): number {
  const m = metricByFn(fn)!;
  if (m.unit === 'percent') {
    return Math.min(100, Math.round((m.typical + 0.3 * noise(ms / 60_000 + m.typical)) * 10) / 10);
  }
  return Math.round(wave(ms, m.typical * 100, m.typical));
}

/** A series over [start, end) with points from `value`, leaving out the buckets `gap` says. */
export function series(
  fn: string,
  startMs: number,
  endMs: number,
  interval: IntervalMinutes,
  value: (ms: number) => number,
  gap: (ms: number, i: number) => boolean = () => false,
): Series {
  const points: SeriesPoint[] = [];
  const gaps: string[] = [];
  for (let t = startMs, i = 0; t < endMs; t += interval * 60_000, i++) {
    if (gap(t, i)) gaps.push(iso(t));
    else points.push({ t: iso(t), v: value(t) });
  }
  return { fn, intervalMinutes: interval, start: iso(startMs), end: iso(endMs), points, gaps };
}

export const INTERVAL = 15;
/** Start of the newest complete bucket at NOW. */
export const LATEST = Date.parse('2026-11-27T14:00:00Z');

/** A healthy status of one metric: latest bucket and the same bucket last week. */
export function okStatus(
  fn: string,
  latest = level(fn, LATEST),
  lastWeek = level(fn, LATEST - WEEK_MS),
): MetricStatus {
  const changePct = lastWeek !== 0 ? ((latest - lastWeek) / lastWeek) * 100 : undefined;
  return {
    fn,
    ok: true,
    latest: { t: iso(LATEST), v: latest },
    lastWeek: { t: iso(LATEST - WEEK_MS), v: lastWeek },
    changePct,
  };
}

/** A status report over every catalog metric, each healthy unless `override` says otherwise. */
export function statusReport(override: Record<string, MetricStatus> = {}): StatusReport {
  return {
    tenantId: TENANT,
    intervalMinutes: INTERVAL,
    asOf: NOW.toISOString(),
    latestCompleteBucket: new Date(LATEST).toISOString(),
    metrics: METRICS.map((m) => override[m.fn] ?? okStatus(m.fn)),
  };
}

/** A failed status. */
export function failed(fn: string, error: MetricsApiError): MetricStatus {
  return { fn, ok: false, error };
}

/** The newest `n` buckets of every metric (up to LATEST), for sparklines and charts. */
export function trends(
  n = 16,
  shape: Record<string, (ms: number) => number> = {},
): Record<string, SeriesPoint[]> {
  const out: Record<string, SeriesPoint[]> = {};
  for (const m of METRICS) {
    const start = LATEST - (n - 1) * INTERVAL * 60_000;
    out[m.fn] = series(
      m.fn,
      start,
      LATEST + INTERVAL * 60_000,
      INTERVAL,
      shape[m.fn] ?? ((t) => level(m.fn, t)),
    ).points;
  }
  return out;
}

const MAIL = 'getMessageVolumeMetricsForEmailDelivery';
const UDP = 'getAudioStreamsOverUdpMetricsForTeams';
const TUNNELS = 'getMetricsForNetworkAccessRemoteNetworkBranchesTunnelDisconnected';
const HOUR = 3_600_000;

/** Mail delivery fell to 30 % in the last hour, UDP share dropped to 72 %, three tunnels are down. */
export function degradedInput(locale = 'en-GB', timeZone = 'Europe/Berlin') {
  const report = statusReport({
    [MAIL]: okStatus(MAIL, Math.round(level(MAIL, LATEST) * 0.3)),
    [UDP]: okStatus(UDP, 72.4, 91.0),
    [TUNNELS]: okStatus(TUNNELS, 3, 0),
  });
  const shaped = trends(16, {
    [MAIL]: (t) => Math.round(level(MAIL, t) * (t > LATEST - HOUR ? 0.3 : 1)),
    [UDP]: (t) => (t > LATEST - 2 * HOUR ? 72.4 : 91),
    [TUNNELS]: (t) => (t > LATEST - HOUR ? 3 : 0),
  });
  return { report, trends: shaped, now: NOW, timeZone, locale };
}
