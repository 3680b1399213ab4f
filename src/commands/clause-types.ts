import type { ParseErrorKind } from './command-types';
import type { TimeSpec } from './read-time';

/** The time window a `show` asked for, as written (resolved later against now and the time zone). */
export type WindowSpec = { text: string } & (
  | { kind: 'last'; minutes: number; label: string }
  | { kind: 'since'; from: TimeSpec }
  | { kind: 'range'; from: TimeSpec; to: TimeSpec }
  | { kind: 'day'; day: TimeSpec }
);

/** A clause that could not be read; `fix` holds correct clauses to put in its place in the example. */
export interface ClauseError {
  kind: ParseErrorKind;
  message: string;
  fix: { window?: string; interval?: string; compare?: string };
}

/** One clause of `show`, read. */
export type Clause =
  | { kind: 'window'; spec: WindowSpec }
  | { kind: 'interval'; minutes: number; text: string }
  | { kind: 'compare'; text: string };

/** A clause, a clause that starts like one but fails (with why), or undefined: no clause starts here. */
export type ClauseRead =
  { ok: true; clause: Clause; next: number } | { ok: false; error: ClauseError } | undefined;

/** A clause that starts like one but cannot be read. */
export function bad(kind: ParseErrorKind, message: string, fix: ClauseError['fix']): ClauseRead {
  return { ok: false, error: { kind, message, fix } };
}
