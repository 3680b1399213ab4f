import { buildNoticeCard } from '../cards/notice-card';
import { handleHelp } from './handlers/help';
import { parseCommand, type ParseError } from './parse';
import type { CommandContext, Reply } from './reply';

/** Answers one chat message: parse, dispatch to the command's handler, or explain what was wrong. */
export async function respondToText(text: string, _ctx: CommandContext): Promise<Reply> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return parseErrorReply(parsed.error);
  const { command } = parsed;
  switch (command.name) {
    case 'help':
      return handleHelp(command.topic);
  }
}

/** A parse error as a card: the message, and the suggestion as a button. */
export function parseErrorReply(error: ParseError): Reply {
  return {
    card: buildNoticeCard({
      tone: error.kind === 'empty' ? 'info' : 'warning',
      title:
        error.kind === 'unknown-command' ? 'Unknown command' : error.kind === 'empty' ? 'Hello' : 'Not quite',
      message: error.message,
      actions: [
        ...(error.suggestion ? [{ title: error.suggestion, value: error.suggestion }] : []),
        { title: 'help', value: 'help' },
      ],
    }),
  };
}
