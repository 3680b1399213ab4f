import type { CliIo } from '../io';

/** `m365-pulse simulate`: the simulator's own entry point; it runs until SIGINT/SIGTERM (undefined = keep running). */
export async function runSimulate(argv: readonly string[], io: CliIo): Promise<undefined> {
  const { runSimulator } = await import('../../simulator/main');
  await runSimulator(argv, (line) => io.stdout(`${line}\n`));
  return undefined;
}
