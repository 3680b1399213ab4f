import { SERVICE_HEALTH_PERMISSIONS } from '../../domain/catalog';
import { mapGraphError, readGraphErrorBody, redactSecrets } from '../error-mapping';
import { MissingPermissionError, ThrottledError, type MetricsApiError } from '../errors';
import type { RawResponse } from '../sdk-transport';
import { formatUtcSeconds } from '../../domain/window';

/** What a service communications call reads: names the data in messages and picks the permission. */
export type HealthResource = 'health' | 'messages';

/** The data's name in error messages (an `fn` that is not a catalog function is shown as is). */
export const HEALTH_LABEL: Record<HealthResource, string> = {
  health: 'Microsoft 365 service health',
  messages: 'Microsoft 365 Message center',
};

/** The Graph permission, delegated or application, each resource needs (from the catalog). */
export const HEALTH_PERMISSION: Record<HealthResource, string> = SERVICE_HEALTH_PERMISSIONS;

/** Admin roles that may read the resource when signed in (Microsoft 365 admin center and Entra role docs). */
export const HEALTH_ROLES: Record<HealthResource, readonly string[]> = {
  health: ['Global Reader', 'Service Support Administrator', 'Helpdesk Administrator'],
  messages: ['Message Center Reader', 'Global Reader', 'Service Support Administrator'],
};

/**
 * A failed service communications answer as a typed error: 403 always means a missing permission or admin role
 * (every tenant is eligible), the rest maps as for telemetry. A 404 for one id is not an error (the caller gets
 * undefined); a 404 here means Graph did not know the collection.
 */
export function mapHealthError(
  raw: RawResponse,
  tenantId: string,
  resource: HealthResource,
  now: number,
): MetricsApiError {
  const label = HEALTH_LABEL[resource];
  if (raw.status !== 403)
    return mapGraphError({
      status: raw.status,
      body: raw.body,
      headers: raw.headers,
      tenantId,
      fn: label,
      now,
    });
  const parsed = readGraphErrorBody(raw.body);
  const permission = HEALTH_PERMISSION[resource];
  const roles = HEALTH_ROLES[resource];
  return new MissingPermissionError(
    `Pulse is missing the Microsoft Graph permission ${permission} needed for ${label} in tenant ${tenantId}. ` +
      `An admin must add it to the app registration and grant admin consent. For signed-in use, the user also ` +
      `needs one of these roles: ${roles.join(', ')}.`,
    {
      tenantId,
      fn: label,
      status: 403,
      code: parsed.code,
      requestId: parsed.requestId ?? raw.headers.get('request-id') ?? undefined,
      detail: parsed.message ? redactSecrets(parsed.message) : undefined,
    },
    permission,
    roles,
  );
}

/** Our own budget refused the call; shaped like a Graph 429. */
export function healthBudgetError(
  tenantId: string,
  resource: HealthResource,
  retryAt: number,
): ThrottledError {
  const at = Number.isFinite(retryAt) ? retryAt : Date.now() + 60_000;
  return new ThrottledError(
    `Pulse has used its Microsoft Graph request budget for ${HEALTH_LABEL[resource]} in tenant ${tenantId} ` +
      `(Graph allows 240 requests a minute and 800 an hour); try again after ${formatUtcSeconds(at)}.`,
    { tenantId, fn: HEALTH_LABEL[resource], code: 'RequestBudgetExhausted' },
    new Date(at),
    'budget',
  );
}
