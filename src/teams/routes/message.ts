import { ActivityTypes } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { respondToText } from '../../commands/respond';
import type { ConversationRegistry } from '../../conversations/registry';
import { toActivity } from '../reply-activity';
import { commandContextOf } from '../turn-context';
import { recordConversation } from './record-conversation';

/** Every chat message: record the conversation, then parse and answer the command. */
export function registerMessageRoute(app: Application<TurnState>, registry: ConversationRegistry): void {
  app.activity(ActivityTypes.Message, async (ctx) => {
    await recordConversation(registry, ctx.activity);
    const reply = await respondToText(ctx.activity.text ?? '', commandContextOf(ctx));
    await ctx.sendActivity(toActivity(reply));
  });
}
