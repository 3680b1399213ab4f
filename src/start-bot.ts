import './server/quiet-restify-warning';
import type { DestinationStream } from 'pino';
import { parseConfig, type Config } from './config/config';
import { createLogger, type Logger } from './log/logger';
import { createServer } from './server/server';
import { createStore } from './store/create-store';
import type { KeyValueStore } from './store/store';
import { createBot, type Bot } from './teams/bot';
import { createIdentity } from './auth/create-identity';
import { createGraphServices } from './graph/graph-services';

export interface RunningBot {
  url: string;
  config: Config;
  bot: Bot;
  store: KeyValueStore;
  logger: Logger;
  /** Graceful stop: stop accepting, finish in-flight turns, close the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  logDestination?: DestinationStream;
  typingIndicator?: boolean;
  /** How long a card action waits for data before answering "Updating…" (tests shorten it). */
  invokeBudgetMs?: number;
  /** Use this store instead of opening STORE_PATH (tests inject failures through it). */
  store?: KeyValueStore;
}

/** Builds every object from the environment and starts listening. Throws ConfigError on a bad variable. */
export async function startBot(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<RunningBot> {
  const config = parseConfig(env);
  const logger = createLogger(config.logLevel, options.logDestination);
  const store =
    options.store ??
    createStore({ kind: config.store.kind, sqlitePath: config.storePath, azure: config.store.azure });
  const { identity, cachePlugin } = await createIdentity(config, store);
  const graph = createGraphServices(config.graphBaseUrl);
  const bot = createBot({
    config,
    graph,
    store,
    logger,
    identity,
    cachePlugin,
    typingIndicator: options.typingIndicator,
    invokeBudgetMs: options.invokeBudgetMs,
  });
  const server = createServer({
    handleMessage: (req, res) => bot.process(req, res),
    authorityHost: config.aad.authorityHost,
    store,
    logger,
  });
  const url = await server.listen(config.port, config.host);
  logger.info(
    { url, demo: config.demo, store: config.storePath, auth: !config.demo },
    'M365 Pulse is listening',
  );
  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    bot,
    store,
    logger,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await store.close();
        logger.info('stopped');
      })()),
  };
}
