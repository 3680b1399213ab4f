import { buildBoardCard } from '../../cards/board-card';
import { buildStatusCard } from '../../cards/status-card';
import type { ServiceGroup } from '../../graph/catalog-types';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';

/** `status [service]`: every metric (or one service group) at a glance. */
export async function handleStatus(
  service: ServiceGroup | undefined,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const view = await services.metrics.status(service, { correlationId: ctx.correlationId });
  return { card: buildStatusCard({ ...view, service, now: ctx.now, timeZone: ctx.timeZone }) };
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
      userIds,
      refreshedAt: ctx.now,
    }),
  };
}
