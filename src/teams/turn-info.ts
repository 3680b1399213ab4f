import type { Activity } from 'botbuilder';
import type { ConversationScope } from '../conversations/registry';

/** The tenant an activity comes from, lower case; undefined when the activity names none. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const id =
    activity.conversation?.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return id ? id.toLowerCase() : undefined;
}

/** personal, groupChat or channel, from the conversation type Teams sends. */
export function scopeOf(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** The conversation id without a thread suffix (`;messageid=…`): proactive posts to it start a new channel post. */
export function baseConversationId(id: string): string {
  return id.split(';')[0];
}

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

export function teamsChannelData(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}
