import type { Activity, TurnContext } from 'botbuilder';
import type { CommandContext } from '../commands/reply';
import { safeLocale, safeTimeZone } from '../cards/format';
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
    ...readerOf(a),
    now,
    correlationId: correlationIdOf(ctx),
  };
}

/**
 * The reader's locale and time zone: the activity's `locale` and `localTimezone`, else what Teams puts in its
 * `clientInfo` entity; each falls back (en-US, UTC) when missing or unknown to Intl, so a bad value never breaks a card.
 */
export function readerOf(a: Partial<Pick<Activity, 'locale' | 'localTimezone' | 'entities'>>): {
  locale: string;
  timeZone: string;
} {
  const info = a.entities?.find((e) => e.type === 'clientInfo') as
    { locale?: unknown; timezone?: unknown } | undefined;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    locale: safeLocale(str(a.locale) ?? str(info?.locale)),
    timeZone: safeTimeZone(str(a.localTimezone) ?? str(info?.timezone)),
  };
}
