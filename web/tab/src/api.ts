import type { Host } from './host';

/** Shapes of the tab API (src/tab/overview-view.ts and metric-view.ts on the server). */
export interface TabMetric {
  id: string;
  name: string;
  unit: 'count' | 'percent';
  state: 'degraded' | 'normal' | 'noData' | 'notPermitted' | 'notAvailable' | 'failed';
  reason: string;
  at?: string;
  value?: number;
  lastWeek?: number;
  display: string;
  change: string;
}

export interface TabAlert {
  id: string;
  metric: string;
  metricName: string;
  state: 'firing' | 'acknowledged' | 'snoozed';
  openedAt: string;
  value: number | null;
  baseline: number | null;
}

export interface TabGroup {
  id: string;
  name: string;
  state: 'healthy' | 'degraded' | 'noData' | 'notPermitted' | 'failed';
  reason: string;
  metrics: TabMetric[];
  alerts: TabAlert[];
}

export interface Overview {
  tenantId: string;
  asOf: string;
  latestCompleteBucket: string;
  intervalMinutes: number;
  botId?: string;
  groups: TabGroup[];
}

export interface MetricChart {
  metric: { id: string; name: string; service: string; unit: 'count' | 'percent'; higherIsBetter: boolean };
  range: string;
  intervalMinutes: number;
  start: string;
  end: string;
  times: number[];
  values: (number | null)[];
  lastWeek: (number | null)[];
  baseline: (number | null)[];
  notes: string[];
  stale?: { message: string };
}

/** A refused or failed API call, with the sentence the server gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GET a tab API path with the Teams SSO token (when in Teams). */
export async function getJson<T>(host: Host, path: string): Promise<T> {
  const token = await host.token().catch(() => {
    throw new ApiError(401, 'sso', 'Teams could not sign you in to M365 Pulse. Reload the tab to try again.');
  });
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok)
    throw new ApiError(res.status, body.error?.code ?? 'http', body.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}
