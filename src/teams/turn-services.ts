import type { TurnContext } from 'botbuilder';
import type { Identity, TeamsUser } from '../auth/identity';
import type { CommandServices } from '../commands/services';
import type { StatusCardMemo } from '../commands/status-memo';
import type { AlertStores } from '../alerts/alert-stores';
import type { GraphServices } from '../graph/graph-services';
import { UserServiceHealth } from '../graph/service-health/user-health';
import { UserMetrics } from '../graph/user-metrics';
import { actOnAlert, type AlertActionDeps } from '../alerts/act-on-alert';
import { tenantOf } from './turn-info';

/** The signed-in user of a turn: Entra object id (or the Teams id when a client sends none) within the tenant. */
export function teamsUserOf(ctx: TurnContext): TeamsUser {
  const from = ctx.activity.from;
  return {
    tenantId: tenantOf(ctx.activity) ?? 'unknown',
    oid: (from.aadObjectId ?? from.id).toLowerCase(),
    name: from.name,
    upn: (from as { userPrincipalName?: string }).userPrincipalName,
  };
}

/** The command services of one turn, bound to its user. `extraSignOut` also clears teams-ai's own sign-in state. */
export function commandServicesOf(
  ctx: TurnContext,
  deps: {
    identity: Identity;
    graph: GraphServices;
    alerts?: AlertStores;
    alerting?: AlertActionDeps;
    statusCards?: StatusCardMemo;
  },
  extraSignOut?: () => Promise<void>,
): CommandServices {
  const { identity, graph } = deps;
  const user = teamsUserOf(ctx);
  const token = () => identity.graphToken(user);
  const caller = { tenantId: user.tenantId, userId: user.oid, token };
  return {
    signInMode: identity.mode,
    graphToken: token,
    signOut: async () => {
      await extraSignOut?.();
      await identity.signOut(user);
      await graph.gate.forget(user.tenantId, user.oid);
      graph.health.access.forget(user.tenantId, user.oid);
    },
    alerts: deps.alerts ?? deps.alerting?.stores,
    alertActions: deps.alerting
      ? { act: (button, by, now) => actOnAlert(button, by, now, deps.alerting!) }
      : undefined,
    metrics: new UserMetrics(graph.metrics, graph.gate, caller, Date.now),
    statusCards: deps.statusCards,
    health: new UserServiceHealth(graph.health, caller),
  };
}
