import { metricByFn } from '../../domain/catalog';
import { generateSeries } from '../series/generator';
import { modifiersFor } from '../scenarios';
import { tenantOf, type SimState } from '../state';
import { throttleKey } from '../throttle';
import { authenticate, hasPermission, missingPermissionMessage, type Caller } from './authorize';
import { badRequest, collection, graphError, tooManyRequests, unauthenticated } from './errors';
import { parseFunctionCall } from './parse-function-call';
import type { Correlation, GraphResult } from './result';
import { validateCall } from './validate-call';
import type { RequestLogEntry } from '../request-log';

/** One Graph call as seen by the handler (direct or from a batch item). */
export interface GraphCall {
  method: string;
  version: string;
  /** Raw (still percent-encoded) path after the version, e.g. `/reports/serviceActivity/getX(...)`. */
  path: string;
  query: URLSearchParams;
  authorization?: string;
  correlation: Correlation;
  /** The `Prefer` header (`odata.maxpagesize=N`). */
  prefer?: string;
}

/** Log fields describing the call (never the token). */
export type CallMeta = Pick<RequestLogEntry, 'tenant' | 'fn' | 'appId' | 'scp' | 'roles' | 'note'>;

const PREFIX = '/reports/serviceActivity/';

/** The caller from the bearer token (401 when invalid), or the default tenant when auth is off and none is sent. */
export function identify(state: SimState, call: GraphCall): { caller: Caller } | { error: GraphResult } {
  if (!call.authorization && !state.requireAuth) {
    return { caller: { tenantId: state.defaultTenantId, appId: 'anonymous', delegated: false } };
  }
  const auth = authenticate(call.authorization, state.key, state.now().getTime());
  return auth.ok ? { caller: auth.caller } : { error: unauthenticated(auth.message, call.correlation) };
}

function contextUrl(state: SimState, type: string): string {
  return `${state.baseUrl}/beta/$metadata#Collection(microsoft.graph.${type})`;
}

/** Decodes and routes the path to a known serviceActivity function or returns a Graph-style 400. */
function resolvePath(call: GraphCall): { segment: string } | { message: string } {
  if (!call.path.startsWith(PREFIX) || call.path.slice(PREFIX.length).includes('/')) {
    const first = call.path.split('/').filter(Boolean)[0] ?? '';
    return { message: `Resource not found for the segment '${first}'.` };
  }
  if (call.version !== 'beta') return { message: "Resource not found for the segment 'serviceActivity'." };
  try {
    return { segment: decodeURIComponent(call.path.slice(PREFIX.length)) };
  } catch {
    return { message: 'The request URL is not valid percent-encoding.' };
  }
}

/**
 * Handles `GET /beta/reports/serviceActivity/{fn}(…)`: authenticate (401), parse and validate (400), permission
 * (403 naming it), eligibility (403), throttling (429), injected faults, then the generated series.
 */
export function serviceActivityCall(
  state: SimState,
  call: GraphCall,
): { result: GraphResult; meta: CallMeta } {
  const c = call.correlation;
  const who = identify(state, call);
  if ('error' in who) return { result: who.error, meta: {} };
  const { caller } = who;
  const meta: CallMeta = {
    tenant: caller.tenantId,
    appId: caller.appId,
    scp: caller.scp,
    roles: caller.roles,
  };
  const done = (result: GraphResult) => ({ result, meta: { ...meta, note: result.note } });

  const routed = resolvePath(call);
  if ('message' in routed) return done(badRequest(routed.message, c));
  if (call.method !== 'GET') {
    return done(
      graphError(
        405,
        'Request_BadRequest',
        `Request method '${call.method}' is not supported for serviceActivity functions; use GET.`,
        c,
      ),
    );
  }
  const parsed = parseFunctionCall(routed.segment, call.query);
  if (!parsed.ok) return done(badRequest(parsed.message, c));
  const metric = metricByFn(parsed.call.fn);
  meta.fn = parsed.call.fn;
  if (!metric) return done(badRequest(`Resource not found for the segment '${parsed.call.fn}'.`, c));
  const now = state.now();
  const valid = validateCall(parsed.call, now);
  if (!valid.ok) return done(badRequest(valid.message, c));

  if (caller.appId !== 'anonymous' && !hasPermission(caller, metric.permission)) {
    return done(
      graphError(
        403,
        'Authorization_RequestDenied',
        missingPermissionMessage(metric.fn, metric.permission, caller),
        c,
      ),
    );
  }
  const tenant = tenantOf(state, caller.tenantId);
  if (tenant.eligible === false) {
    // Undocumented (reference §6 q1): the simulator answers 403 "Forbidden" with an eligibility message.
    const message = `Tenant '${caller.tenantId}' is not eligible for Microsoft 365 monitoring: it requires at least 5,000 Office 365 or Microsoft 365 E3/E5 licences and 50 monthly active users.`;
    return done(graphError(403, 'Forbidden', message, c));
  }
  const slot = state.limiter.take(throttleKey(caller.appId, caller.tenantId, metric.fn), now.getTime());
  if (!slot.allowed) return done(tooManyRequests(slot.retryAfterSeconds, c));

  const fault = state.faults.next(metric.fn, caller.tenantId);
  const type = metric.unit === 'percent' ? 'serviceActivityPerformanceMetric' : 'serviceActivityValueMetric';
  if (fault.kind === 'throttle') return done(tooManyRequests(fault.retryAfterSeconds, c, 'fault:429'));
  if (fault.kind === 'error') {
    const headers: Record<string, string> = fault.retryAfterSeconds
      ? { 'Retry-After': String(fault.retryAfterSeconds) }
      : {};
    const code =
      fault.status === 503
        ? 'serviceNotAvailable'
        : fault.status === 504
          ? 'gatewayTimeout'
          : 'generalException';
    return done(
      graphError(
        fault.status,
        code,
        `Injected fault: the service answered ${fault.status}.`,
        c,
        headers,
        `fault:${fault.status}`,
      ),
    );
  }
  const value =
    fault.kind === 'empty'
      ? []
      : generateSeries({
          seed: state.seed,
          tenantId: caller.tenantId,
          tenant,
          metric,
          start: parsed.call.start,
          end: parsed.call.end,
          intervalMinutes: valid.interval,
          now,
          lagMinutes: state.lagMinutes,
          modifiers: modifiersFor(state.scenarios, caller.tenantId, metric.id),
        });
  const result = collection(contextUrl(state, type), value, c);
  if (fault.kind === 'empty') return done({ ...result, note: 'fault:empty' });
  if (fault.kind === 'malformed') {
    const text = JSON.stringify(result.body);
    return done({
      ...result,
      body: text.slice(0, Math.max(20, Math.floor(text.length / 2))),
      note: 'fault:malformed',
    });
  }
  return done(result);
}
