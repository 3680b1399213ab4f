import type { TurnContext } from 'botbuilder';
import type { CommandContext } from '../commands/reply';
import type { Logger } from '../log/logger';
import { baseConversationId, scopeOf, tenantOf } from './turn-info';

const CORRELATION = Symbol('pulse.correlationId');
const LOGGER = Symbol('pulse.logger');

/** Remembers the turn's correlation id and logger so the error handler can quote and use them. */
export function setTurnMeta(ctx: TurnContext, correlationId: string, logger: Logger): void {
  ctx.turnState.set(CORRELATION, correlationId);
  ctx.turnState.set(LOGGER, logger);
}

export function correlationIdOf(ctx: TurnContext): string {
  return (ctx.turnState.get(CORRELATION) as string | undefined) ?? 'unknown';
}

export function loggerOf(ctx: TurnContext, fallback: Logger): Logger {
  return (ctx.turnState.get(LOGGER) as Logger | undefined) ?? fallback;
}

/** The SDK-free view of the turn that command handlers get. */
export function commandContextOf(ctx: TurnContext, now = new Date()): CommandContext {
  const a = ctx.activity;
  return {
    tenantId: tenantOf(a) ?? 'unknown',
    user: { id: a.from.id, name: a.from.name, aadObjectId: a.from.aadObjectId },
    conversation: { id: baseConversationId(a.conversation.id), scope: scopeOf(a) },
    timeZone: validTimeZone(a.localTimezone),
    now,
    correlationId: correlationIdOf(ctx),
  };
}

function validTimeZone(tz: string | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}
