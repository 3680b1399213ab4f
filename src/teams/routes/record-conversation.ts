import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRegistry } from '../../conversations/registry';
import { baseConversationId, scopeOf, teamsChannelData, tenantOf } from '../turn-info';

/** Records (or refreshes) the conversation of this activity, so proactive alerts can reach it later. */
export async function recordConversation(registry: ConversationRegistry, activity: Activity): Promise<void> {
  const tenantId = tenantOf(activity);
  if (!tenantId) return;
  const conversationId = baseConversationId(activity.conversation.id);
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  reference.conversation = { ...activity.conversation, id: conversationId };
  const { team, channel } = teamsChannelData(activity);
  const scope = scopeOf(activity);
  await registry.upsert({
    conversationId,
    tenantId,
    scope,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    conversationName: activity.conversation.name,
    teamId: team?.id,
    teamName: team?.name,
    channelId: scope === 'channel' ? (channel?.id ?? conversationId) : undefined,
    channelName: channel?.name,
  });
}

/** Forgets the conversation of this activity (the bot was uninstalled or removed). */
export async function forgetConversation(registry: ConversationRegistry, activity: Activity): Promise<void> {
  const tenantId = tenantOf(activity);
  if (tenantId) await registry.remove(tenantId, baseConversationId(activity.conversation.id));
}
