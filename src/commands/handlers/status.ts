import { buildBoardCard } from '../../cards/board-card';
import type { AdaptiveCard } from '../../cards/card';
import { buildStatusCard } from '../../cards/status-card';
import type { ServiceGroup } from '../../domain/catalog-types';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';

/** `status [service]`: every metric (or one service group) at a glance. */
export async function handleStatus(
  service: ServiceGroup | undefined,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const view = await services.metrics.status(service, { correlationId: ctx.correlationId });
  const { report } = view;
  // The card only changes with the data (asOf), what this user may see, their zone and the minute ("5 min ago").
  const key = [
    report.tenantId,
    service ?? 'all',
    ctx.timeZone,
    report.asOf,
    Math.floor(ctx.now.getTime() / 60_000),
    report.metrics.map((m) => (m.ok ? '' : `${m.fn}:${m.error.kind}`)).join(','),
  ].join('|');
  let card = statusCards.get(key);
  if (!card) {
    card = buildStatusCard({ ...view, service, now: ctx.now, timeZone: ctx.timeZone });
    if (statusCards.size >= 500) statusCards.clear();
    statusCards.set(key, card);
  }
  return { card };
}

/** Status cards built this minute, for every admin and refresh that asks for the same thing. */
const statusCards = new Map<string, AdaptiveCard>();

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
