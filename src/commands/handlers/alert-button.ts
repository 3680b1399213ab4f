import { actorOf } from '../../alerts/alert-actor';
import { adminRolesFor, permissionFor } from '../../alerts/admin-roles';
import {
  ALERT_VERBS,
  incidentIdsOf,
  readAlertActionData,
  type AlertActionData,
} from '../../cards/alert-buttons';
import { buildActionRefusedCard } from '../../cards/alert-refused-card';
import { executeAction } from '../../cards/adaptive-card';
import { buildNoticeCard } from '../../cards/notice-card';
import type { ServiceGroup } from '../../domain/catalog-types';
import { SNOOZE_CHOICES } from '../../monitor/alert-events';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { provenDenials } from './admin-gate';

/** Action.Execute verbs of alert cards. */
export const ALERT_ACTION_VERBS: readonly string[] = Object.values(ALERT_VERBS);

/**
 * A pressed alert button (acknowledge, snooze, mute, details, back to summary), checked like a chat command: the
 * card must be of the user's own tenant, and the user must pass the same access gate as alert commands for every
 * service group the incidents belong to (ids come from the card, so they are looked up in the store). Reads
 * (details, summary) need the same proof as changes: incident values, baselines and who acted are admin data. A
 * check that proves nothing (no or expired sign-in, throttling, network) changes nothing and is thrown to the
 * caller's error reply, so the user gets the same sign-in or retry answer as in chat.
 */
export async function handleAlertButton(
  verb: string,
  data: AlertActionData,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  if (data.tenantId.toLowerCase() !== ctx.tenantId.toLowerCase())
    return { text: 'This card belongs to another organization; nothing was changed.' };
  const alerts = services.alerts;
  const actions = services.alertActions;
  if (!alerts || !actions) return { text: 'Alerts are not set up on this bot; nothing was changed.' };
  if (verb === ALERT_VERBS.snooze && !SNOOZE_CHOICES.includes(data.minutes as never))
    return { text: `A snooze lasts ${SNOOZE_CHOICES.join(', ')} minutes; nothing was changed.` };
  const incidentIds = incidentIdsOf(data);
  const stored = (await alerts.incidents.list(ctx.tenantId)).filter((i) => incidentIds.includes(i.id));
  const groups = [...new Set(stored.map((i) => i.service as ServiceGroup))];
  const [denied] = await provenDenials(groups, services);
  if (denied)
    return {
      card: buildActionRefusedCard({
        action: verb,
        roles: adminRolesFor(denied.group),
        permission: permissionFor(denied.group),
        back: data,
      }) as never,
    };
  const result = await actions.act(
    { verb, tenantId: ctx.tenantId, incidentIds, minutes: data.minutes, conversationId: ctx.conversation.id },
    actorOf(ctx.user),
    ctx.now.getTime(),
  );
  return result.ok ? { card: result.card as never } : { text: result.reason };
}

/** The alert button data of a card action, or the answer that it is not alert data. */
export function alertButtonData(raw: unknown): AlertActionData | Reply {
  return (
    readAlertActionData(raw) ?? {
      card: buildNoticeCard({
        tone: 'warning',
        title: 'This button no longer works',
        message:
          'This alert card is damaged or from an unknown version; nothing was changed. Send `alerts` for the open alerts.',
        actions: [{ title: 'alerts', value: 'alerts' }],
      }),
    }
  );
}

/** Adds "Back to the alert" to an answer that replaces an alert card (an error card would otherwise strand it). */
export function withBackToAlert(reply: Reply, data: AlertActionData): Reply {
  if (!reply.card) return reply;
  const card = reply.card as { actions?: object[] };
  return {
    ...reply,
    card: {
      ...reply.card,
      actions: [...(card.actions ?? []), executeAction('Back to the alert', ALERT_VERBS.summary, data)],
    } as never,
  };
}
