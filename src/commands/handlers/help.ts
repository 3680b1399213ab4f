import { buildHelpCard } from '../../cards/help-card';
import { COMMANDS, commandSpec } from '../grammar';
import type { Reply } from '../reply';

/** `help [command]`. */
export async function handleHelp(topic?: string): Promise<Reply> {
  return { card: buildHelpCard(COMMANDS, topic ? commandSpec(topic) : undefined) };
}
