import { actorOf } from '../../alerts/alert-actor';
import type { AlertStores } from '../../alerts/alert-stores';
import { buildNoticeCard } from '../../cards/notice-card';
import type { AuditAction } from '../../monitor/audit';
import type { CommandContext, Reply } from '../reply';

/** Records a change in the tenant's audit log: who (name, Entra object id, Teams id) and when (the turn's time). */
export async function recordChange(
  stores: AlertStores,
  ctx: CommandContext,
  action: AuditAction,
  target: string,
  detail: string,
): Promise<void> {
  await stores.audit.append({
    tenantId: ctx.tenantId,
    at: ctx.now.toISOString(),
    by: actorOf(ctx.user),
    action,
    target,
    detail,
  });
}

/** A change done: what it means, an Undo button (the inverse command) when there is one, and related commands. */
export function changedReply(
  title: string,
  message: string,
  undo: readonly string[],
  related: readonly string[],
): Reply {
  return {
    card: buildNoticeCard({
      tone: 'info',
      title,
      message,
      actions: [
        ...undo.map((u) => ({ title: undo.length === 1 ? 'Undo' : `Undo: ${u}`, value: u })),
        ...related.map((r) => ({ title: r, value: r })),
      ],
    }),
  };
}

/** Nothing to change (already so, nothing there): says why; no audit entry. */
export function unchangedReply(title: string, message: string, related: readonly string[]): Reply {
  return {
    card: buildNoticeCard({
      tone: 'info',
      title,
      message,
      actions: related.map((r) => ({ title: r, value: r })),
    }),
  };
}

/** "this channel", "this chat". */
export function placeOf(ctx: CommandContext): string {
  return ctx.conversation.scope === 'channel' ? 'this channel' : 'this chat';
}
