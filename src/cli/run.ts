import { runMetrics } from './commands/metrics';
import { runQuery } from './commands/query';
import { runSimulate } from './commands/simulate';
import { runStatus } from './commands/status';
import { exitFor } from './exit-status';
import type { CliIo } from './io';
import { parseCommand } from './parse-command';

/** Runs one command line; resolves to the exit code, or undefined while a server (simulate) keeps running. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  try {
    const req = parseCommand(argv);
    switch (req.command) {
      case 'help':
        io.stdout(`${req.text}\n`);
        return 0;
      case 'metrics':
        return runMetrics(req, io);
      case 'query':
        return await runQuery(req, io);
      case 'status':
        return await runStatus(req, io);
      case 'simulate':
        return await runSimulate(req.argv, io);
    }
  } catch (e) {
    const { code, line } = exitFor(e);
    io.stderr(`${line}\n`);
    return code;
  }
}
