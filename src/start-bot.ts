import './server/quiet-restify-warning';
import type { DestinationStream } from 'pino';
import { parseConfig, type Config } from './config/config';
import { createLogger, type Logger } from './log/logger';
import { createServer } from './server/server';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createPartitionLeases, createStore } from './store/create-store';
import { PartitionTenure } from './store/partitions/partition-tenure';
import { warnAboveBudgetInstances } from './store/partitions/instance-count-check';
import { createAlerting } from './cycle/create-alerting';
import { ProactiveNotifier } from './teams/proactive-notifier';
import type { KeyValueStore } from './store/store';
import { createBot, type Bot } from './teams/bot';
import { createIdentity } from './auth/create-identity';
import { createGraphServices } from './graph/graph-services';
import { monitorMetrics } from './graph/monitor-metrics';
import { monitorServiceHealth } from './graph/service-health/monitor-health';
import { IncidentRepository } from './alerts/incident-repository';
import { registerTabRoutes } from './tab/tab-routes';
import { tabRouteDeps } from './tab/tab-setup';

export interface RunningBot {
  url: string;
  config: Config;
  bot: Bot;
  store: KeyValueStore;
  /** The alert monitor (its timer runs unless started with `monitor: false`). */
  monitor?: import('./cycle/monitor').Monitor;
  logger: Logger;
  /** Graceful stop: stop accepting, finish in-flight turns, close the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  logDestination?: DestinationStream;
  typingIndicator?: boolean;
  /** How long a card action waits for data before answering "Updating…" (tests shorten it). */
  invokeBudgetMs?: number;
  /** The clock of Graph windows, caches and the monitor (tests move it with the simulated tenant's). */
  now?: () => number;
  /** Start the alert monitor's timer (default true; tests drive cycles with `runOnce`). */
  monitor?: boolean;
  /** Use this store instead of opening STORE_PATH (tests inject failures through it). */
  store?: KeyValueStore;
}

/** Builds every object from the environment and starts listening. Throws ConfigError on a bad variable. */
export async function startBot(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<RunningBot> {
  const config = parseConfig(env);
  const logger = createLogger(config.logLevel, options.logDestination);
  const store =
    options.store ??
    (await createStore({ kind: config.store.kind, sqlitePath: config.storePath, azure: config.store.azure }));
  const { identity, cachePlugin, monitor: monitorIdentity } = await createIdentity(config, store);
  const now = options.now ?? Date.now;
  const instanceId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const storeOptions = {
    kind: config.store.kind,
    azure: config.store.azure,
    partitions: config.store.partitions,
    leaseSeconds: config.store.leaseSeconds,
  };
  const leases = await createPartitionLeases(storeOptions, {
    instanceId,
    onError: (err: unknown) => logger.warn({ err }, 'partition lease round failed'),
  });
  const tenure = new PartitionTenure(leases, config.store.partitions, now);
  const unwatchInstances = warnAboveBudgetInstances(leases, config.graphBudgetInstances, (fields, msg) =>
    logger.warn(fields, msg),
  );
  const graph = createGraphServices(config.graphBaseUrl, now, {
    settleMinutes: config.monitorSettleMinutes,
    store,
    shared: { instances: config.graphBudgetInstances, heldSince: (t) => tenure.heldSince(t) },
  });
  let alerting: ReturnType<typeof createAlerting> | undefined;
  const bot = createBot({
    config,
    graph,
    store,
    logger,
    identity,
    cachePlugin,
    typingIndicator: options.typingIndicator,
    invokeBudgetMs: options.invokeBudgetMs,
    alertingFactory: (adapter, registry) =>
      (alerting = createAlerting({
        store,
        registry,
        notifier: new ProactiveNotifier(adapter, config.bot.id ?? ''),
        metrics: monitorMetrics(graph.metrics),
        health: monitorServiceHealth(graph.health.poller),
        identity: monitorIdentity,
        leases,
        partitions: config.store.partitions,
        logger,
        cycleMs: config.monitorCycleMs,
        allowedTenants: config.allowedTenants,
        owner: instanceId,
        now,
        settleMinutes: config.monitorSettleMinutes,
      })).actions,
  });
  await leases.start();
  if (options.monitor !== false) alerting?.monitor.start();
  const server = createServer({
    handleMessage: (req, res) => bot.process(req, res),
    authorityHost: config.aad.authorityHost,
    store,
    logger,
    details: () => (alerting ? { delivery: alerting.actions.outbox.stats() } : {}),
  });
  registerTabRoutes(
    server.server,
    tabRouteDeps({
      config,
      graph,
      identity,
      incidents: new IncidentRepository(store),
      logger,
      now: options.now,
    }),
  );
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
    monitor: alerting?.monitor,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await alerting?.monitor.stop();
        await leases.stop();
        tenure.stop();
        unwatchInstances();
        await store.close();
        logger.info('stopped');
      })()),
  };
}
