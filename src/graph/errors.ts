/** Every way a Graph metrics call can fail, as the card mapper switches on it. */
export type MetricsErrorKind =
  | 'SignInRequired'
  | 'MissingPermission'
  | 'InvalidRequest'
  | 'NotAvailable'
  | 'Throttled'
  | 'Network'
  | 'Timeout'
  | 'ServiceError'
  | 'MalformedResponse';

/** Where a failure happened: always the tenant, and the function, status, Graph code and request-id when known. */
export interface ErrorContext {
  tenantId: string;
  fn?: string;
  status?: number;
  code?: string;
  requestId?: string;
  /** Graph's developer-facing message, secrets redacted and truncated; not for branching. */
  detail?: string;
}

/** Base of the typed Graph errors; `message` is user-facing (shown in cards) and never contains a token. */
export abstract class MetricsApiError extends Error {
  abstract readonly kind: MetricsErrorKind;
  readonly tenantId: string;
  readonly fn?: string;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly detail?: string;

  constructor(message: string, ctx: ErrorContext) {
    super(message);
    this.name = new.target.name;
    this.tenantId = ctx.tenantId;
    this.fn = ctx.fn;
    this.status = ctx.status;
    this.code = ctx.code;
    this.requestId = ctx.requestId;
    this.detail = ctx.detail;
  }

  /** True when the same call may succeed later without anyone changing configuration. */
  get transient(): boolean {
    return false;
  }
}

/** 401: the token was missing, expired or rejected, or no token could be obtained. */
export class SignInRequiredError extends MetricsApiError {
  readonly kind = 'SignInRequired';
}

/** 403: the app or user lacks the catalog permission (and, for delegated calls, an admin role). */
export class MissingPermissionError extends MetricsApiError {
  readonly kind = 'MissingPermission';
  constructor(
    message: string,
    ctx: ErrorContext,
    readonly permission: string | undefined,
    readonly roles: readonly string[],
  ) {
    super(message, ctx);
  }
}

/** 400 (and other unexpected 4xx): Graph rejected the request itself. */
export class InvalidRequestError extends MetricsApiError {
  readonly kind = 'InvalidRequest';
}

/** The tenant is not eligible for this signal or the function does not exist in this cloud. */
export class NotAvailableError extends MetricsApiError {
  readonly kind = 'NotAvailable';
}

/** 429 after retries, or our own request budget is spent; `retryAfter` is when to try again. */
export class ThrottledError extends MetricsApiError {
  readonly kind = 'Throttled';
  constructor(
    message: string,
    ctx: ErrorContext,
    readonly retryAfter: Date,
    readonly source: 'graph' | 'budget',
  ) {
    super(message, ctx);
  }
  override get transient(): boolean {
    return true;
  }
}

/** Graph could not be reached (DNS, TCP reset, TLS). */
export class NetworkError extends MetricsApiError {
  readonly kind = 'Network';
  override get transient(): boolean {
    return true;
  }
}

/** The call's time budget ran out before Graph answered. */
export class TimeoutError extends MetricsApiError {
  readonly kind = 'Timeout';
  override get transient(): boolean {
    return true;
  }
}

/** 5xx after retries. */
export class ServiceError extends MetricsApiError {
  readonly kind = 'ServiceError';
  override get transient(): boolean {
    return true;
  }
}

/** 2xx whose body is not the documented JSON shape. */
export class MalformedResponseError extends MetricsApiError {
  readonly kind = 'MalformedResponse';
}
