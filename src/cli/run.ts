import { exitFor } from './exit-status';
import type { CliIo } from './io';
import { parseCommand } from './parse-command';

/**
 * Runs one command line; resolves to the exit code, or undefined while a server (simulate) keeps running.
 * Commands load on use, so help, usage errors and `metrics` start without the Graph SDK or msal.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  try {
    const req = parseCommand(argv);
    switch (req.command) {
      case 'help':
        io.stdout(`${req.text}\n`);
        return 0;
      case 'metrics':
        return (await import('./commands/metrics')).runMetrics(req, io);
      case 'query':
        return await (await import('./commands/query')).runQuery(req, io);
      case 'status':
        return await (await import('./commands/status')).runStatus(req, io);
      case 'simulate':
        return await (await import('./commands/simulate')).runSimulate(req.argv, io);
    }
  } catch (e) {
    const { code, line } = exitFor(e);
    io.stderr(`${line}\n`);
    return code;
  }
}
