#!/usr/bin/env node
import { ConfigError } from './config/config';
import { startBot } from './start-bot';

/** Production entry point (`npm run start:bot`): one process, configured from the environment. */
async function main(): Promise<void> {
  const running = await startBot(process.env);
  const stop = (signal: string) => {
    running.logger.info({ signal }, 'shutting down');
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `M365 Pulse failed to start: ${(err as Error).message}`,
  );
  process.exit(1);
});
