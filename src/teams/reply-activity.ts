import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../commands/reply';

/** Turns an SDK-free Reply into a Bot Framework message activity. */
export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
    if (reply.text) activity.text = reply.text;
    return activity;
  }
  return MessageFactory.text(reply.text ?? '');
}
