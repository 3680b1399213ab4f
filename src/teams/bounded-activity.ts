import type { Activity } from 'botbuilder';
import { boundedText } from '../commands/text-tokens';

/**
 * Cuts the message text and every entity's text to the command length limit (plus one character) at the start of
 * the turn, before teams-ai's mention removal, the sign-in check or the parser run a regular expression on them.
 */
export function boundActivityText(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = boundedText(activity.text);
  for (const entity of activity.entities ?? [])
    if (typeof entity.text === 'string') entity.text = boundedText(entity.text);
}
