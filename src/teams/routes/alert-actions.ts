import type { Application, TurnState } from '@microsoft/teams-ai';
import { actorOf } from '../../alerts/alert-actor';
import { adminRolesFor, permissionFor } from '../../alerts/admin-roles';
import { incidentIdsOf, readAlertActionData } from '../../cards/alert-buttons';
import { buildActionRefusedCard } from '../../cards/alert-refused-card';
import type { ServiceGroup } from '../../domain/catalog-types';
import { actOnAlert, type AlertActionDeps } from '../../monitor/runner/act-on-alert';
import type { Identity } from '../../auth/identity';
import type { GraphServices } from '../../graph/graph-services';
import { baseConversationId, tenantOf } from '../turn-info';
import { commandServicesOf } from '../turn-services';

const VERBS = new Set(['alert.ack', 'alert.snooze', 'alert.mute', 'alert.details', 'alert.summary']);
const CHANGES = new Set(['alert.ack', 'alert.snooze', 'alert.mute']);

/**
 * The buttons of alert cards. Only a user whom Graph lets read the incident's service group (an admin for that data)
 * may acknowledge, snooze or mute; anyone else gets a private explanation (the answer replaces the card for them
 * alone). The card's tenant must be the activity's: a card can never act on another tenant's incidents.
 */
export function registerAlertActions(
  app: Application<TurnState>,
  deps: { identity: Identity; graph: GraphServices; alerting: AlertActionDeps },
): void {
  app.adaptiveCards.actionExecute(
    async (ctx) => VERBS.has(String((ctx.activity.value as { action?: { verb?: string } })?.action?.verb)),
    async (ctx, _state, raw) => {
      const verb = String((ctx.activity.value as { action: { verb: string } }).action.verb);
      const data = readAlertActionData(raw);
      const tenantId = tenantOf(ctx.activity);
      if (!tenantId || !data || data.tenantId.toLowerCase() !== tenantId)
        return 'This card belongs to another organization; nothing was changed.';
      const incidentIds = incidentIdsOf(data);
      if (CHANGES.has(verb)) {
        const stored = (await deps.alerting.incidents.list(tenantId)).filter((i) =>
          incidentIds.includes(i.id),
        );
        const groups = [...new Set(stored.map((i) => i.service as ServiceGroup))];
        const access = await commandServicesOf(ctx, deps).metrics.access(groups);
        const denied = groups.find((g) => !access.get(g)?.allowed);
        if (denied)
          return buildActionRefusedCard({
            action: verb,
            roles: adminRolesFor(denied),
            permission: permissionFor(denied),
            back: data,
          });
      }
      const minutes = data.minutes;
      const result = await actOnAlert(
        {
          verb,
          tenantId,
          incidentIds,
          minutes,
          conversationId: baseConversationId(ctx.activity.conversation.id),
        },
        actorOf(ctx.activity.from),
        Date.now(),
        deps.alerting,
      );
      return result.ok ? (result.card as never) : result.reason;
    },
  );
}
