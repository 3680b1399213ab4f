import { metricByFn } from '../domain/catalog';
import {
  InvalidRequestError,
  MissingPermissionError,
  NotAvailableError,
  ServiceError,
  SignInRequiredError,
  ThrottledError,
  type ErrorContext,
  type MetricsApiError,
} from './errors';
import { retryAfterMs, type HeaderLookup } from './retry-after';
import { formatUtcSeconds } from '../domain/window';

const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const BEARER = /\bBearer\s+[^\s"',]+/gi;
const SECRET_PARAMS = /\b(access_token|client_secret|assertion|refresh_token|id_token|code)=[^&\s"']+/gi;

/** Removes anything that looks like a token or secret, then truncates; for text that may reach logs or cards. */
export function redactSecrets(text: string, max = 300): string {
  const clean = text
    .replace(JWT, '[redacted]')
    .replace(BEARER, 'Bearer [redacted]')
    .replace(SECRET_PARAMS, '$1=[redacted]');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

interface GraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

/** Reads `{"error":{"code","message","innerError":{"request-id"}}}` from a string or parsed body; tolerant of junk. */
export function readGraphErrorBody(body: unknown): GraphErrorBody {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return {};
    }
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return {};
  const e = error as Record<string, unknown>;
  const inner = (e.innerError ?? e.innererror) as Record<string, unknown> | undefined;
  const requestId = inner?.['request-id'] ?? inner?.requestId;
  return {
    code: typeof e.code === 'string' && e.code ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}

/** Friendly metric name for messages, falling back to the function name. */
export function metricLabel(fn: string | undefined): string {
  if (!fn) return 'Microsoft 365 monitoring data';
  return metricByFn(fn)?.name ?? fn;
}

const NOT_ELIGIBLE =
  /licen[cs]e|eligib|not\s+available|notavailable|not\s+enabled|not\s+onboarded|subscription/i;

function notAvailableMessage(fn: string | undefined, tenantId: string): string {
  const entra = fn ? ['entra', 'networkAccess'].includes(metricByFn(fn)?.service ?? '') : false;
  const bar = entra
    ? 'Entra health signals need Microsoft Entra ID P1 or P2.'
    : 'Microsoft 365 monitoring needs at least 5,000 Office 365 or Microsoft 365 E3/E5 licences and ' +
      '50 monthly active users.';
  return `${metricLabel(fn)} is not available for tenant ${tenantId}. ${bar}`;
}

export interface GraphFailure {
  status: number;
  body: unknown;
  headers?: HeaderLookup;
  tenantId: string;
  fn?: string;
  now: number;
  /** Used for a 429 that carries no `Retry-After`. */
  defaultRetryAfterMs?: number;
}

/** The one mapping from an HTTP status + Graph error JSON to a typed error. */
export function mapGraphError(f: GraphFailure): MetricsApiError {
  const parsed = readGraphErrorBody(f.body);
  const requestId = parsed.requestId ?? f.headers?.get('request-id') ?? undefined;
  const detail = parsed.message ? redactSecrets(parsed.message) : undefined;
  const ctx: ErrorContext = {
    tenantId: f.tenantId,
    fn: f.fn,
    status: f.status,
    code: parsed.code,
    requestId,
    detail,
  };
  const label = metricLabel(f.fn);
  const codeText = `${f.status}${parsed.code ? ` ${parsed.code}` : ''}`;
  const haystack = `${parsed.code ?? ''} ${parsed.message ?? ''}`;
  if (f.status === 401) {
    return new SignInRequiredError(
      `Microsoft Graph did not accept Pulse's sign-in for tenant ${f.tenantId} (${codeText}). ` +
        'Sign in again; if it persists, an admin should check the app registration and consent.',
      ctx,
    );
  }
  if (f.status === 403 && !NOT_ELIGIBLE.test(haystack)) return missingPermission(ctx, label);
  if (f.status === 403 || f.status === 404)
    return new NotAvailableError(notAvailableMessage(f.fn, f.tenantId), ctx);
  if (f.status === 429) {
    const waitMs = retryAfterMs(f.headers?.get('retry-after'), f.now) ?? f.defaultRetryAfterMs ?? 10_000;
    const at = new Date(f.now + waitMs);
    return new ThrottledError(
      `Microsoft Graph is throttling requests for ${label} in tenant ${f.tenantId}; ` +
        `try again after ${formatUtcSeconds(at.getTime())}.`,
      ctx,
      at,
      'graph',
    );
  }
  if (f.status >= 500) {
    return new ServiceError(
      `Microsoft Graph had a service problem answering for ${label} (${codeText}). Try again in a few minutes.`,
      ctx,
    );
  }
  return new InvalidRequestError(
    `Microsoft Graph rejected the request for ${label} (${codeText})${detail ? `: ${detail}` : '.'}`,
    ctx,
  );
}

function missingPermission(ctx: ErrorContext, label: string): MissingPermissionError {
  const metric = ctx.fn ? metricByFn(ctx.fn) : undefined;
  const permission = metric?.permission;
  const roles = metric?.roles ?? [];
  const what = permission ? `the Microsoft Graph permission ${permission}` : 'a Microsoft Graph permission';
  const roleText = roles.length
    ? ` For signed-in use, the user also needs one of these roles: ${roles.join(', ')}.`
    : '';
  return new MissingPermissionError(
    `Pulse is missing ${what} needed for ${label} in tenant ${ctx.tenantId}. ` +
      `An admin must add it to the app registration and grant admin consent.${roleText}`,
    ctx,
    permission,
    roles,
  );
}

/** Our own request budget refused the call (see budget.ts); shaped like a Graph 429 so callers handle one case. */
export function budgetExhaustedError(tenantId: string, fn: string, retryAt: number): ThrottledError {
  // retryAt is infinite only when more sends are asked at once than the budget holds; a window length is honest then.
  const at = Number.isFinite(retryAt) ? retryAt : Date.now() + 600_000;
  return new ThrottledError(
    `Pulse has used its Microsoft Graph request budget for ${metricLabel(fn)} in tenant ${tenantId} ` +
      `(Graph allows 100 requests per 10 minutes per report); try again after ${formatUtcSeconds(at)}.`,
    { tenantId, fn, code: 'RequestBudgetExhausted' },
    new Date(at),
    'budget',
  );
}
