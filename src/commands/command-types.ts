import type { AlertCommand } from '../alerts/alert-command';
import type { IntervalMinutes, ServiceGroup } from '../domain/catalog-types';

/** A command the bot can act on, fully resolved: services are catalog ids, windows are aligned and valid. */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'whoami' }
  | { name: 'signin' }
  | { name: 'signout' }
  | { name: 'status'; service?: ServiceGroup }
  | { name: 'metrics'; service?: ServiceGroup }
  | { name: 'board'; service?: ServiceGroup }
  | {
      name: 'show';
      /** Exact, case-sensitive Graph function name. */
      fn: string;
      /** Inclusive, aligned to the interval, at most 30 days back (37 with `vs last week` counted). */
      start: Date;
      /** Exclusive, aligned, never after the start of the bucket still in progress. */
      end: Date;
      intervalMinutes: IntervalMinutes;
      compareLastWeek: boolean;
      /** What the window is, for a card title: "last 6 hours", "since 2026-11-27 08:00 Europe/Berlin". */
      windowLabel: string;
    }
  | { name: 'incidents'; scope?: HealthScope }
  | { name: 'incident'; id: string }
  | { name: 'messages'; scope?: HealthScope }
  | AlertCommand;

/**
 * Which of Microsoft's services a service health command is about: a Pulse service group (mapped to Microsoft's
 * names by the catalog), or any other name Microsoft uses (`intune`, `power bi`), matched as typed.
 */
export interface HealthScope {
  group?: ServiceGroup;
  /** The group's display name, or the words the user typed. */
  label: string;
}

/** Every command name; each has exactly one parser in `parse.ts`. */
export type CommandName = Command['name'];

/** What went wrong, so a card can choose its tone; messages carry the detail. */
export type ParseErrorKind =
  | 'empty'
  | 'unknown-command'
  | 'invalid'
  | 'not-yet'
  | 'missing-metric'
  | 'unknown-metric'
  | 'ambiguous-metric'
  | 'unknown-service'
  | 'bad-time'
  | 'bad-duration'
  | 'bad-interval'
  | 'bad-compare'
  | 'bad-rule'
  | 'end-before-start'
  | 'future'
  | 'too-old'
  | 'empty-window';

/** Why the input is not a command, with what to do instead. */
export interface ParseError {
  kind: ParseErrorKind;
  /** One or two sentences naming the part that is wrong; examples in backticks. */
  message: string;
  /** A corrected command the user can click. */
  suggestion?: string;
  /** A correct command showing the right form (it may equal the suggestion). */
  example?: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

/** When and where the user is: relative and friendly times are read against these. */
export interface ParseContext {
  /** Epoch milliseconds. */
  now: number;
  /** A valid IANA time zone (already checked), e.g. `Europe/Berlin`. */
  timeZone: string;
}

/** A failed parse result. */
export function fail(
  kind: ParseErrorKind,
  message: string,
  extra: { suggestion?: string; example?: string } = {},
): ParseResult {
  const error: ParseError = { kind, message };
  if (extra.suggestion) error.suggestion = extra.suggestion;
  if (extra.example) error.example = extra.example;
  return { ok: false, error };
}

/** A successful parse result. */
export function ok(command: Command): ParseResult {
  return { ok: true, command };
}
