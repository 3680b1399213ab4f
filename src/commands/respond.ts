import { buildErrorCard } from '../cards/error-card';
import { buildNoticeCard } from '../cards/notice-card';
import { MetricsApiError, SignInRequiredError } from '../graph/errors';
import { WindowError } from '../domain/window';
import type { Command, ParseError } from './command-types';
import { handleDigest, handleQuiet } from './handlers/alert-settings';
import { handleAlerts, handleHistory } from './handlers/alerts';
import { handleHelp } from './handlers/help';
import { handleSignin, handleSignout, handleWhoami } from './handlers/identity';
import { handleMetrics } from './handlers/metrics';
import { handleRules } from './handlers/rules';
import { handleIncident, handleIncidents, handleMessages } from './handlers/service-health';
import { handleShow } from './handlers/show';
import { handleBoard, handleStatus } from './handlers/status';
import { handleSubscribe, handleSubscriptions, handleUnsubscribe } from './handlers/subscriptions';
import { handleIssueSetting } from './handlers/issue-subscriptions';
import { handleResume, handleUnwatch } from './handlers/unwatch';
import { handleWatch } from './handlers/watch';
import { parseCommand } from './parse';
import type { CommandContext, Reply } from './reply';
import type { CommandServices } from './services';

/** Answers one chat message: parse, dispatch to the command's handler, or explain what was wrong. */
export async function respondToText(
  text: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const parsed = parseCommand(text, { now: ctx.now, timeZone: ctx.timeZone });
  if (!parsed.ok) return parseErrorReply(parsed.error);
  try {
    return await dispatch(parsed.command, text, ctx, services);
  } catch (err) {
    return errorReply(err, ctx, services, text);
  }
}

function dispatch(
  command: Command,
  text: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  switch (command.name) {
    case 'help':
      return handleHelp(command.topic);
    case 'status':
      return handleStatus(command.service, ctx, services);
    case 'board':
      return handleBoard(command.service, ctx, services);
    case 'show':
      return handleShow(command, text, ctx, services);
    case 'metrics':
      return handleMetrics(command.service);
    case 'whoami':
      return handleWhoami(ctx, services);
    case 'signin':
      return handleSignin(ctx, services);
    case 'signout':
      return handleSignout(services);
    case 'subscribe':
      return command.issues
        ? handleIssueSetting('subscribe', command.scope, command.issues, ctx, services)
        : handleSubscribe(command.scope, ctx, services);
    case 'unsubscribe':
      return command.issues
        ? handleIssueSetting('unsubscribe', command.scope, command.issues, ctx, services)
        : handleUnsubscribe(command.scope, ctx, services);
    case 'subscriptions':
      return handleSubscriptions(ctx, services);
    case 'watch':
      return 'rule' in command
        ? handleWatch(command.rule, ctx, services)
        : handleResume(command.resume, ctx, services);
    case 'unwatch':
      return handleUnwatch(command.ref, ctx, services);
    case 'rules':
      return handleRules(ctx, services);
    case 'quiet':
      return handleQuiet(command.quiet, ctx, services);
    case 'digest':
      return handleDigest(command.digest, ctx, services);
    case 'alerts':
      return handleAlerts(ctx, services);
    case 'history':
      return handleHistory(command.minutes, command.label, ctx, services);
    case 'incidents':
      return handleIncidents(command.scope, ctx, services);
    case 'incident':
      return handleIncident(command.id, ctx, services);
    case 'messages':
      return handleMessages(command.scope, ctx, services);
  }
}

/** Known failures become the card that says what happened and what to do; anything else is a bug and rethrown. */
export function errorReply(
  err: unknown,
  ctx: CommandContext,
  services: CommandServices,
  command?: string,
): Reply {
  if (err instanceof SignInRequiredError) return signInNeededReply(services.signInMode, command);
  if (err instanceof MetricsApiError || err instanceof WindowError)
    return {
      card: buildErrorCard(err, { now: ctx.now, timeZone: ctx.timeZone, locale: ctx.locale, command }),
    };
  throw err;
}

/**
 * The one answer to a missing or refused sign-in (no token, an expired or revoked one, or a Graph 401): sign in,
 * then repeat the command (offered as a button when known).
 */
export function signInNeededReply(mode: CommandServices['signInMode'], command?: string): Reply {
  return {
    card: buildNoticeCard({
      tone: 'warning',
      title: 'Sign-in needed',
      message:
        mode === 'none'
          ? 'Sign-in is not configured for this bot: whoever runs it must set AAD_APP_CLIENT_ID and AAD_APP_CLIENT_SECRET.'
          : 'I read telemetry on your behalf, so I need a valid sign-in: yours is missing or has expired. Send ' +
            '`signin`, then repeat your command. If it keeps happening after you sign in, an admin should check ' +
            'the app registration and its consent.',
      actions:
        mode === 'none'
          ? []
          : [
              { title: 'signin', value: 'signin' },
              ...(command ? [{ title: 'Try again', value: command }] : []),
            ],
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
        ...(error.example && error.example !== error.suggestion
          ? [{ title: error.example, value: error.example }]
          : []),
        { title: 'help', value: 'help' },
      ],
    }),
  };
}
