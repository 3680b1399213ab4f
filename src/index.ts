#!/usr/bin/env node
import { ConfigError } from './config/config';
import { installCrashGuard } from './crash-guard';
import { startBot, type RunningBot } from './start-bot';

/**
 * Production entry point (`npm run start:bot`): one process, configured from the environment. SIGTERM and SIGINT
 * stop it gracefully (exit 0); an unexpected error stops it gracefully too, then exits non-zero (`crash-guard.ts`).
 */
async function main(): Promise<void> {
  // Installed before the bot starts, so a failure while it starts is caught too (then there is nothing to stop).
  const started: { bot?: RunningBot } = {};
  installCrashGuard({ logger: () => started.bot?.logger, close: () => started.bot?.close() });
  const bot = (started.bot = await startBot(process.env));
  const stop = (signal: string) => {
    bot.logger.info({ signal }, 'shutting down');
    void bot.close().then(() => process.exit(0));
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
