import { randomUUID } from 'node:crypto';
import type { Logger } from './log/logger';

export interface CrashGuardOptions {
  /** The bot's logger once it runs; before that, a JSON line on stderr. */
  logger: () => Logger | undefined;
  /** Graceful stop (leases released, in-flight turns and sends finished or left to other instances); none yet. */
  close: () => Promise<void> | undefined;
  /** How long the graceful stop may take before the process exits anyway (default 10 s). */
  graceMs?: number;
  exit?: (code: number) => void;
}

/** Exit code after an unexpected error: non-zero, so the host (App Service, Container Apps) restarts the process. */
export const CRASH_EXIT_CODE = 1;

/**
 * The last line of defence: an unhandled rejection or uncaught exception is logged at fatal level with a correlation
 * id, then the bot stops gracefully (within `graceMs`) and the process exits with `CRASH_EXIT_CODE`. Running on
 * after an unknown failure could leave a monitor or outbox half-broken while its leases keep other instances from
 * taking over; a restart is the known-good state. Errors during the stop are logged, not acted on again.
 */
export function installCrashGuard(o: CrashGuardOptions): void {
  const exit = o.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const fatal = (kind: 'unhandledRejection' | 'uncaughtException', error: unknown) => {
    const correlationId = randomUUID();
    const err = error instanceof Error ? error : new Error(String(error));
    const msg = stopping
      ? `${kind} while stopping`
      : `${kind}: stopping gracefully, then exiting to be restarted`;
    const logger = o.logger();
    if (logger) logger.fatal({ err, kind, correlationId }, msg);
    else
      process.stderr.write(
        `${JSON.stringify({ level: 'fatal', kind, correlationId, msg, error: err.message })}\n`,
      );
    if (stopping) return;
    stopping = true;
    // Not unref'd: a stop that never settles must still end in a non-zero exit, not in an empty event loop's 0.
    const deadline = setTimeout(() => {
      o.logger()?.error({ correlationId }, 'graceful stop did not finish in time: exiting');
      exit(CRASH_EXIT_CODE);
    }, o.graceMs ?? 10_000);
    void Promise.resolve()
      .then(o.close)
      .catch((stopErr: unknown) => o.logger()?.error({ err: stopErr, correlationId }, 'graceful stop failed'))
      .finally(() => {
        clearTimeout(deadline);
        exit(CRASH_EXIT_CODE);
      });
  };
  process.on('unhandledRejection', (reason) => fatal('unhandledRejection', reason));
  process.on('uncaughtException', (err) => fatal('uncaughtException', err));
}
