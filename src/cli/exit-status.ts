import { MetricsApiError } from '../graph/errors';
import { WindowError } from '../domain/window';
import { RunError, UsageError } from './usage-error';

/** Exit codes: 0 done, 1 Microsoft Graph or sign-in failed, 2 wrong command line or configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;

/** One line, nothing that looks like a token: what may reach a terminal or a CI log. */
export function oneLine(text: string): string {
  return text
    .replace(JWT, '[redacted]')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/** The exit code and the single stderr line for a failure; never a stack trace. */
export function exitFor(error: unknown): { code: number; line: string } {
  if (error instanceof UsageError) {
    const help = error.command ? `m365-pulse ${error.command} --help` : 'm365-pulse --help';
    return { code: EXIT.usage, line: `m365-pulse: ${oneLine(error.message)} See '${help}'.` };
  }
  if (error instanceof WindowError)
    return { code: EXIT.usage, line: `m365-pulse: ${oneLine(error.message)}` };
  if (error instanceof MetricsApiError || error instanceof RunError)
    return { code: EXIT.failed, line: `m365-pulse: ${oneLine(error.message)}` };
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT.failed, line: `m365-pulse: unexpected error: ${oneLine(message)}` };
}
