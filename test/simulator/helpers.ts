import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';

/** Wednesday 2026-11-25 10:07:30 UTC: a weekday morning, mid-bucket. */
export const T0 = Date.parse('2026-11-25T10:07:30Z');
export const TENANT = 'tenant-a';
export const APP = 'app-under-test';

/** A simulator on a movable fixed clock; `clock.ms` can be changed between requests. */
export async function startTestSim(
  opts: SimulatorOptions = {},
): Promise<{ sim: Simulator; clock: { ms: number } }> {
  const clock = { ms: T0 };
  const sim = await startSimulator({ now: () => new Date(clock.ms), ...opts });
  return { sim, clock };
}

/** `2026-11-25T10:00:00Z` form (whole seconds). */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The documented inline URL form. */
export function fnUrl(sim: Simulator, fn: string, startMs: number, endMs: number, interval?: number): string {
  const params = [
    `inclusiveIntervalStartDateTime=${iso(startMs)}`,
    `exclusiveIntervalEndDateTime=${iso(endMs)}`,
  ];
  if (interval !== undefined) params.push(`aggregationIntervalInMinutes=${interval}`);
  return `${sim.url}/beta/reports/serviceActivity/${fn}(${params.join(',')})`;
}

/** An app-only token with every serviceActivity permission unless `roles` says otherwise. */
export function appToken(sim: Simulator, roles?: string[], tenantId = TENANT): string {
  return sim.issueGraphToken({
    tenantId,
    appId: APP,
    roles: roles ?? [
      'ServiceActivity-Exchange.Read.All',
      'ServiceActivity-Teams.Read.All',
      'ServiceActivity-OneDrive.Read.All',
      'ServiceActivity-Microsoft365Web.Read.All',
      'Reports.Read.All',
    ],
  });
}

/** The fields tests read from Graph, batch, token and control answers. */
export interface Body {
  '@odata.context'?: string;
  value?: { intervalStartDateTime: string; value?: number; percentage?: number }[];
  error?: { code: string; message: string; innerError?: Record<string, string> } | string;
  responses?: { id: string; status: number; headers: Record<string, string>; body: Body }[];
  [key: string]: unknown;
}

/** GET with a bearer token; returns status, headers and parsed JSON (or the raw text when unparsable). */
export async function get(url: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* malformed on purpose in fault tests */
  }
  return { status: res.status, headers: res.headers, body: body as Body, text };
}

/** POST JSON (control routes, batch). */
export async function postJson(url: string, json: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(json),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Body };
}
