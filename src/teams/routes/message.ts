import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Identity } from '../../auth/identity';
import type { AlertStores } from '../../alerts/alert-stores';
import type { GraphServices } from '../../graph/graph-services';
import { respondToText } from '../../commands/respond';
import type { ConversationRegistry } from '../../conversations/registry';
import { toActivity } from '../reply-activity';
import { SSO_SETTING } from '../sso';
import { commandContextOf } from '../turn-context';
import { commandServicesOf } from '../turn-services';
import { recordConversation } from './record-conversation';
import type { StatusCardMemo } from '../../commands/status-memo';

/**
 * Every chat message: record the conversation, then parse and answer the command. After a Teams SSO sign-in the
 * original message is answered too, without the user repeating it.
 */
export function registerMessageRoute(
  app: Application<TurnState>,
  registry: ConversationRegistry,
  identity: Identity,
  graph: GraphServices,
  alerts?: AlertStores,
  statusCards?: StatusCardMemo,
): void {
  const answer = async (ctx: TurnContext, state: TurnState) => {
    await recordConversation(registry, ctx.activity);
    const signOutSso =
      identity.mode === 'sso' ? () => app.authentication.signOutUser(ctx, state, SSO_SETTING) : undefined;
    const reply = await respondToText(
      ctx.activity.text ?? '',
      commandContextOf(ctx),
      commandServicesOf(ctx, { identity, graph, alerts, statusCards }, signOutSso),
    );
    await ctx.sendActivity(toActivity(reply));
  };
  app.activity(ActivityTypes.Message, answer);
  if (identity.mode === 'sso') {
    const sso = app.authentication.get(SSO_SETTING);
    sso.onUserSignInSuccess(answer);
    sso.onUserSignInFailure(async (ctx, _state, error) => {
      await ctx.sendActivity(
        `Sign-in didn't complete (${error.cause ?? 'unknown reason'}). Send \`signin\` to try again; if your organization requires consent, an admin must grant it first.`,
      );
    });
  }
}
