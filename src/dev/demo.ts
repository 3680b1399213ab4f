import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { ConfigError } from '../config/config';
import { startBot } from '../start-bot';
import { startPlayground } from './playground';

/**
 * `npm start`: the whole product on one machine. With no BOT_ID, the bot runs on loopback with inbound auth off,
 * next to Microsoft's Agents Playground (a local Teams client). With BOT_ID set, it runs as the production bot.
 * Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.PULSE_DATA_DIR ?? 'data');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { STORE_PATH: join(dataDir, 'pulse.db'), ...process.env };
  const logFile = join(dataDir, 'logs', 'bot.log');
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const demo = !env.BOT_ID;
  const bot = await startBot(
    env,
    demo ? { logDestination: pino.destination({ dest: logFile, sync: false }) } : {},
  );
  const stops: (() => Promise<void>)[] = [() => bot.close()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stopAll());
  process.once('SIGTERM', () => void stopAll());
  if (!demo) return;

  const playground = await startPlayground({
    botEndpoint: `${bot.url}/api/messages`,
    port: Number(process.env.PLAYGROUND_PORT ?? 56150),
    logFile: join(dataDir, 'logs', 'playground.log'),
  });
  stops.push(() => playground.stop());
  console.log(
    `M365 Pulse is running (demo mode). Open ${playground.url.replace('127.0.0.1', 'localhost')} in your browser and type "help". Bot: ${bot.url}, logs: ${logFile}. Ctrl-C stops everything.`,
  );
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `M365 Pulse failed to start: ${(err as Error).message}`,
  );
  process.exit(1);
});
