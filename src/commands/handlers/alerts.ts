import { readableAuditEntry } from '../../alerts/audit-target';
import { buildAlertsCard, buildHistoryCard } from '../../cards/history-card';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { requireSignIn, withAlertStores } from './alert-services';
import { groupOfRef, readableGroups } from './readable-groups';

const DAY_MS = 24 * 3_600_000;

/**
 * `alerts`: the tenant's open incidents, and alert cards not delivered in the last day. Sign-in, not admin; only
 * the service groups the user may read are shown.
 */
export function handleAlerts(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const [open, failed] = await Promise.all([
      stores.incidents.open(ctx.tenantId),
      stores.deadLetters.recent(ctx.tenantId, ctx.now.getTime() - DAY_MS),
    ]);
    const readable = await readableGroups(
      [...open.map((i) => i.service), ...failed.flatMap((d) => groupOfRef(d.cardKey) ?? [])],
      services,
    );
    const incidents = open.filter((i) => readable.allowed(i.service));
    const undelivered = failed.filter((d) => readable.allowed(groupOfRef(d.cardKey)));
    return {
      text: readable.note,
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

/**
 * `history [span]`: incidents and audit entries of the span, targets in words (see `readableAuditEntry`); only the
 * service groups the user may read are shown.
 */
export function handleHistory(
  minutes: number,
  label: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const since = new Date(ctx.now.getTime() - minutes * 60_000);
    const [recent, entries, failed] = await Promise.all([
      stores.incidents.recent(ctx.tenantId, since),
      stores.audit.recent(ctx.tenantId, since),
      stores.deadLetters.recent(ctx.tenantId, since.getTime()),
    ]);
    const readable = await readableGroups(
      [
        ...recent.map((i) => i.service),
        ...entries.flatMap((e) => groupOfRef(e.target) ?? []),
        ...failed.flatMap((d) => groupOfRef(d.cardKey) ?? []),
      ],
      services,
    );
    const incidents = recent.filter((i) => readable.allowed(i.service));
    const audit = entries.filter((e) => readable.allowed(groupOfRef(e.target)));
    const undelivered = failed.filter((d) => readable.allowed(groupOfRef(d.cardKey)));
    const here = audit.map((e) => readableAuditEntry(e, ctx.conversation.id));
    return {
      text: readable.note,
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
