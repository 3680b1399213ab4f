import type { MetricWindow } from '../domain/window';

/** Public-cloud Graph root; override with `GRAPH_BASE_URL` (parsed by src/config) for the simulator or a sovereign cloud. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

const FN_PATTERN = /^get[A-Za-z0-9]+$/;

/** `2024-10-02T10:30:00Z`: unquoted whole-second UTC, exactly as every Graph doc example writes it. */
export function formatGraphDateTime(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Cannot format an invalid date for a Graph URL');
  if (ms % 1000 !== 0)
    throw new RangeError(`Graph window bounds must be whole seconds, got ${date.toISOString()}`);
  return date.toISOString().replace('.000Z', 'Z');
}

/** Relative function path as a `$batch` item url: `/reports/serviceActivity/{fn}(…)`. */
export function buildMetricPath(fn: string, window: MetricWindow): string {
  if (!FN_PATTERN.test(fn))
    throw new RangeError(`Not a serviceActivity function name: ${JSON.stringify(fn)}`);
  const params = [
    `inclusiveIntervalStartDateTime=${formatGraphDateTime(window.start)}`,
    `exclusiveIntervalEndDateTime=${formatGraphDateTime(window.end)}`,
    `aggregationIntervalInMinutes=${window.intervalMinutes}`,
  ];
  return `/reports/serviceActivity/${fn}(${params.join(',')})`;
}

/** Absolute GET URL: `{base}/beta/reports/serviceActivity/{fn}(…)` with inline literal parameters. */
export function buildMetricUrl(baseUrl: string, fn: string, window: MetricWindow): string {
  return `${normaliseBaseUrl(baseUrl)}/beta${buildMetricPath(fn, window)}`;
}

/** Absolute `$batch` endpoint for the beta version. */
export function buildBatchUrl(baseUrl: string): string {
  return `${normaliseBaseUrl(baseUrl)}/beta/$batch`;
}

/** Validates an http(s) origin (optionally with a path prefix) and strips trailing slashes. */
export function normaliseBaseUrl(baseUrl: string = DEFAULT_GRAPH_BASE_URL): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new RangeError(`Graph base URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError(`Graph base URL must be http(s), got ${parsed.protocol}`);
  }
  if (parsed.search || parsed.hash) throw new RangeError('Graph base URL must not have a query or fragment');
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}
