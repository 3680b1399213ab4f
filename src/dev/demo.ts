import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { ConfigError } from '../config/config';
import { startBot } from '../start-bot';
import { startSimulator } from '../simulator';
import { demoIdentityEnv } from './demo-identity-env';
import { startPlayground } from './playground';

/** The tenant of `.m365agentsplayground.yml`: the Playground's users sign in to it. */
const PLAYGROUND_TENANT = '00000000-0000-4000-8000-000000000001';

/**
 * `npm start`: the whole product on one machine. With no BOT_ID, the bot runs on loopback with inbound auth off,
 * next to Microsoft's Agents Playground (a local Teams client). With BOT_ID set, it runs as the production bot.
 * Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.PULSE_DATA_DIR ?? 'data');
  const logFile = join(dataDir, 'logs', 'bot.log');
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const demo = !process.env.BOT_ID;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stopAll());
  process.once('SIGTERM', () => void stopAll());

  let env: NodeJS.ProcessEnv = { STORE_PATH: join(dataDir, 'pulse.db'), ...process.env };
  if (demo && !process.env.GRAPH_BASE_URL) {
    // An incident that began half an hour ago and ends in five minutes: subscribe in a channel to see its alert card
    // (within one 15-second monitor cycle), acknowledge it, and watch it resolve about fifteen minutes later.
    const sim = await startSimulator({
      port: Number(process.env.SIMULATOR_PORT ?? 56200),
      scenarios: [
        {
          name: process.env.DEMO_SCENARIO ?? 'mail-delivery-drop',
          startsInMinutes: -30,
          durationMinutes: 35,
        },
      ],
    });
    stops.push(() => sim.close());
    env = { ...demoIdentityEnv(sim, PLAYGROUND_TENANT), ...env };
  }
  const bot = await startBot(
    env,
    demo ? { logDestination: pino.destination({ dest: logFile, sync: false }) } : {},
  );
  stops.push(() => bot.close());
  if (!demo) return;

  const playground = await startPlayground({
    botEndpoint: `${bot.url}/api/messages`,
    port: Number(process.env.PLAYGROUND_PORT ?? 56150),
    logFile: join(dataDir, 'logs', 'playground.log'),
  });
  stops.push(() => playground.stop());
  console.log(
    `M365 Pulse is running (demo mode). Open ${playground.url.replace('127.0.0.1', 'localhost')} in your browser and type "help"; the dashboard tab is at ${bot.url.replace('127.0.0.1', 'localhost')}/tab/. Bot: ${bot.url}, simulated tenant: ${env.GRAPH_BASE_URL}, logs: ${logFile}. Ctrl-C stops everything.`,
  );
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `M365 Pulse failed to start: ${(err as Error).message}`,
  );
  process.exit(1);
});
