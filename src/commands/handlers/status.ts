import { buildBoardCard } from '../../cards/board-card';
import { buildStatusCard } from '../../cards/status-card';
import { SERVICES } from '../../domain/catalog';
import type { ServiceGroup } from '../../domain/catalog-types';
import { statusCardKey } from '../status-memo';
import { statusHealthSection } from '../../cards/status-health';
import { MetricsApiError } from '../../graph/errors';
import type { StatusReport } from '../../graph/metrics-reader';
import type { HealthView } from '../../service-health/reader';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';

/**
 * `status [service]`: every metric (or one service group) at a glance, next to Microsoft's service health. A tenant
 * whose telemetry Pulse cannot read at all (not eligible, or no permission) gets service health and one note.
 */
export async function handleStatus(
  service: ServiceGroup | undefined,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const groups = SERVICES.filter((s) => !service || s.id === service).map((s) => s.id);
  const [access, health] = await Promise.all([services.metrics.access(groups), readHealth(services)]);
  const key = statusCardKey({
    tenantId: ctx.tenantId,
    scope: service ?? 'all',
    access,
    locale: ctx.locale,
    timeZone: ctx.timeZone,
    now: ctx.now,
    health: healthKey(health),
  });
  const memo = services.statusCards;
  const kept = memo?.get(key);
  if (kept) return { card: kept };
  const view = await services.metrics.status(service, { correlationId: ctx.correlationId });
  const card = buildStatusCard({
    ...view,
    service,
    now: ctx.now,
    timeZone: ctx.timeZone,
    locale: ctx.locale,
    health: health && statusHealthSection({ health, service, now: ctx.now }),
    telemetryNote: telemetryUnavailableNote(view.report),
  });
  memo?.set(key, card, view.report);
  return { card };
}

type HealthRead = { view: HealthView } | { error: { message: string } };

/** Microsoft's service health for the user, or why it could not be read; undefined when not wired. */
async function readHealth(services: CommandServices): Promise<HealthRead | undefined> {
  if (!services.health) return undefined;
  try {
    return { view: await services.health.health() };
  } catch (err) {
    if (err instanceof MetricsApiError) return { error: err };
    throw err;
  }
}

function healthKey(health: HealthRead | undefined): string {
  if (!health) return '';
  if ('error' in health) return `health-error:${health.error.message}`;
  return `${health.view.asOf}:${health.view.overviews.map((o) => o.status).join(',')}:${health.view.issues
    .filter((i) => !i.isResolved)
    .map((i) => `${i.id}@${i.lastModifiedDateTime}`)
    .join(',')}`;
}

/**
 * One note instead of a card full of errors when no metric could be read because the tenant is not eligible for
 * serviceActivity or Pulse lacks every telemetry permission; undefined when any metric (or other error) shows.
 */
export function telemetryUnavailableNote(report: StatusReport): string | undefined {
  const errors = report.metrics.map((m) => (m.ok ? undefined : m.error.kind));
  if (!errors.length || errors.some((k) => k !== 'NotAvailable' && k !== 'MissingPermission'))
    return undefined;
  if (errors.every((k) => k === 'NotAvailable')) {
    return "Microsoft 365 usage telemetry is not available for this tenant: Microsoft provides it only to tenants with at least 5,000 Office 365 or Microsoft 365 E3/E5 licences and 50 monthly active users. Pulse shows Microsoft's service health instead, and alerts on Microsoft's incidents.";
  }
  return "Pulse may not read this tenant's usage telemetry: the app or your sign-in lacks the ServiceActivity permissions. Pulse shows Microsoft's service health instead; `whoami` shows what is missing.";
}

/**
 * `board [service]`: the status card with an Adaptive Card `refresh`, so whoever opens the conversation (or the
 * pinned message) sees current data. The requester is always among the auto-refreshing users.
 */
export async function handleBoard(
  service: ServiceGroup | undefined,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const view = await services.metrics.status(service, { correlationId: ctx.correlationId });
  const userIds = ctx.user.aadObjectId ? [`8:orgid:${ctx.user.aadObjectId}`] : [ctx.user.id];
  return {
    card: buildBoardCard({
      ...view,
      service,
      now: ctx.now,
      timeZone: ctx.timeZone,
      locale: ctx.locale,
      userIds,
      refreshedAt: ctx.now,
    }),
  };
}
