import type { CliIo } from '../io';
import { RunError } from '../usage-error';

/** `m365-pulse simulate`: the simulator's own entry point; it runs until SIGINT/SIGTERM (undefined = keep running). */
export async function runSimulate(argv: readonly string[], io: CliIo): Promise<undefined> {
  const { runSimulator } = await import('../../simulator/main');
  try {
    await runSimulator(argv, (line) => io.stdout(`${line}\n`));
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { address?: string; port?: number };
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL') {
      const where = err.address ? `${err.address}:${err.port}` : 'the requested address';
      const why =
        err.code === 'EADDRINUSE'
          ? 'the port is already in use'
          : err.code === 'EACCES'
            ? 'permission denied'
            : 'no such address here';
      throw new RunError(
        `The simulator could not listen on ${where}: ${why}. Choose another --port or --host.`,
      );
    }
    throw e;
  }
  return undefined;
}
