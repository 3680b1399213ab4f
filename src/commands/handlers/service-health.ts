import { telemetryLines } from '../../cards/health-correlation';
import { buildIncidentCard } from '../../cards/incident-card';
import { groupsOfHealthService } from '../../domain/catalog';
import { MetricsApiError } from '../../graph/errors';
import { buildIncidentsCard } from '../../cards/incidents-card';
import { buildMessagesCard } from '../../cards/messages-card';
import { buildNoticeCard } from '../../cards/notice-card';
import type { ServiceHealthReader } from '../../service-health/reader';
import type { HealthScope } from '../command-types';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';

function unavailable(): Reply {
  return {
    card: buildNoticeCard({
      tone: 'info',
      title: 'Service health is not connected',
      message: "This deployment of Pulse does not read Microsoft's service health.",
    }),
  };
}

function reader(services: CommandServices): ServiceHealthReader | undefined {
  return services.health;
}

/** `incidents [service]`: Microsoft's open incidents and advisories, read with the user's own token. */
export async function handleIncidents(
  scope: HealthScope | undefined,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const health = reader(services);
  if (!health) return unavailable();
  const view = await health.health();
  return {
    card: buildIncidentsCard({ view, scope, now: ctx.now, timeZone: ctx.timeZone, locale: ctx.locale }),
  };
}

/** `incident <id>`: one issue in full, or a clear answer when Microsoft has no issue with that id. */
export async function handleIncident(
  id: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const health = reader(services);
  if (!health) return unavailable();
  const detail = await health.issue(id);
  if (!detail) {
    return {
      card: buildNoticeCard({
        tone: 'warning',
        title: 'No such incident',
        message: `Microsoft's service health has no incident or advisory ${id} for your tenant. It keeps issues for 30 days; \`incidents\` lists the current ones.`,
        actions: [{ title: 'incidents', value: 'incidents' }],
      }),
    };
  }
  const telemetry = await correlatedTelemetry(detail.issue.service, ctx, services);
  return {
    card: buildIncidentCard({ detail, now: ctx.now, timeZone: ctx.timeZone, locale: ctx.locale, telemetry }),
  };
}

/**
 * The tenant's telemetry for the service groups the issue's service maps to (the catalog's mapping), for the issue
 * card; nothing when the service has no telemetry or the user may read none of it.
 */
async function correlatedTelemetry(
  service: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<string[]> {
  const groups = groupsOfHealthService(service);
  if (!groups.length) return [];
  try {
    const view = await services.metrics.status(groups.length === 1 ? groups[0] : undefined, {
      correlationId: ctx.correlationId,
    });
    return telemetryLines(view.report, groups, ctx.locale);
  } catch (err) {
    if (err instanceof MetricsApiError) return [];
    throw err;
  }
}

/** `messages [service]`: recent Message center posts, major changes with act-by dates first. */
export async function handleMessages(
  scope: HealthScope | undefined,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const health = reader(services);
  if (!health) return unavailable();
  const view = await health.messages();
  return {
    card: buildMessagesCard({ view, scope, now: ctx.now, timeZone: ctx.timeZone, locale: ctx.locale }),
  };
}
