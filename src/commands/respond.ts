import { SignInNeededError } from '../auth/delegated-tokens';
import { buildNoticeCard } from '../cards/notice-card';
import { handleHelp } from './handlers/help';
import { handleSignin, handleSignout, handleWhoami } from './handlers/identity';
import { parseCommand, type Command, type ParseError } from './parse';
import type { CommandContext, Reply } from './reply';
import type { CommandServices } from './services';

/** Answers one chat message: parse, dispatch to the command's handler, or explain what was wrong. */
export async function respondToText(
  text: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return parseErrorReply(parsed.error);
  try {
    return await dispatch(parsed.command, ctx, services);
  } catch (err) {
    if (err instanceof SignInNeededError) return signInNeededReply(services.signInMode);
    throw err;
  }
}

function dispatch(command: Command, ctx: CommandContext, services: CommandServices): Promise<Reply> {
  switch (command.name) {
    case 'help':
      return handleHelp(command.topic);
    case 'whoami':
      return handleWhoami(ctx, services);
    case 'signin':
      return handleSignin(ctx, services);
    case 'signout':
      return handleSignout(services);
  }
}

/** The user must sign in before this command can read tenant data. */
export function signInNeededReply(mode: CommandServices['signInMode']): Reply {
  return {
    card: buildNoticeCard({
      tone: 'warning',
      title: 'Sign-in needed',
      message:
        mode === 'none'
          ? 'Sign-in is not configured for this bot: whoever runs it must set AAD_APP_CLIENT_ID and AAD_APP_CLIENT_SECRET.'
          : 'I read telemetry on your behalf, so I need you to sign in first. Send `signin`, then repeat your command.',
      actions: mode === 'none' ? [] : [{ title: 'signin', value: 'signin' }],
    }),
  };
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
