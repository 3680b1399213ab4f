import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { buildWelcomeCard } from '../../cards/welcome-card';
import type { ConversationRegistry } from '../../conversations/registry';
import { toActivity } from '../reply-activity';
import { scopeOf, teamsChannelData } from '../turn-info';
import { forgetConversation, recordConversation } from './record-conversation';

/**
 * Install and uninstall: the Playground and Teams send both `installationUpdate` and a `conversationUpdate` naming
 * the bot. Both record the conversation; only the conversationUpdate posts the welcome card, so it appears once.
 */
export function registerInstallRoutes(app: Application<TurnState>, registry: ConversationRegistry): void {
  app.conversationUpdate('membersAdded', async (ctx) => {
    if (!botIsAmong(ctx, ctx.activity.membersAdded)) return;
    await recordConversation(registry, ctx.activity);
    const scope = scopeOf(ctx.activity);
    await ctx.sendActivity(
      toActivity({ card: buildWelcomeCard(scope, teamsChannelData(ctx.activity).team?.name) }),
    );
  });

  app.conversationUpdate('membersRemoved', async (ctx) => {
    if (botIsAmong(ctx, ctx.activity.membersRemoved)) await forgetConversation(registry, ctx.activity);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (ctx) => {
    const action = String(ctx.activity.action ?? '').toLowerCase();
    if (action.startsWith('remove')) await forgetConversation(registry, ctx.activity);
    else if (action.startsWith('add')) await recordConversation(registry, ctx.activity);
  });
}

function botIsAmong(ctx: TurnContext, members: { id: string }[] | undefined): boolean {
  return (members ?? []).some((m) => m.id === ctx.activity.recipient.id);
}
