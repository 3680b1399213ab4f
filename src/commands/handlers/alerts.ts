import { readableAuditEntry } from '../../alerts/audit-target';
import { buildAlertsCard, buildHistoryCard } from '../../cards/history-card';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { requireSignIn, withAlertStores } from './alert-services';

const DAY_MS = 24 * 3_600_000;

/** `alerts`: the tenant's open incidents, and alert cards not delivered in the last day. Sign-in, not admin. */
export function handleAlerts(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const [incidents, undelivered] = await Promise.all([
      stores.incidents.open(ctx.tenantId),
      stores.deadLetters.recent(ctx.tenantId, ctx.now.getTime() - DAY_MS),
    ]);
    return {
      card: buildAlertsCard({
        incidents,
        undelivered,
        now: ctx.now,
        timeZone: ctx.timeZone,
        locale: ctx.locale,
      }),
    };
  });
}

/** `history [span]`: incidents and audit entries of the span, targets in words (see `readableAuditEntry`). */
export function handleHistory(
  minutes: number,
  label: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const since = new Date(ctx.now.getTime() - minutes * 60_000);
    const [incidents, audit, undelivered] = await Promise.all([
      stores.incidents.recent(ctx.tenantId, since),
      stores.audit.recent(ctx.tenantId, since),
      stores.deadLetters.recent(ctx.tenantId, since.getTime()),
    ]);
    const here = audit.map((e) => readableAuditEntry(e, ctx.conversation.id));
    return {
      card: buildHistoryCard({
        incidents,
        audit: here,
        undelivered,
        label,
        now: ctx.now,
        timeZone: ctx.timeZone,
        locale: ctx.locale,
      }),
    };
  });
}
