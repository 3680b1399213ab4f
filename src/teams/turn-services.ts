import type { TurnContext } from 'botbuilder';
import type { Identity, TeamsUser } from '../auth/identity';
import type { CommandServices } from '../commands/services';
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
  identity: Identity,
  extraSignOut?: () => Promise<void>,
): CommandServices {
  const user = teamsUserOf(ctx);
  return {
    signInMode: identity.mode,
    graphToken: () => identity.graphToken(user),
    signOut: async () => {
      await extraSignOut?.();
      await identity.signOut(user);
    },
  };
}
