import { randomUUID } from 'node:crypto';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'botbuilder';
import type { EncryptedCachePlugin } from '../auth/encrypted-cache-plugin';
import type { Identity } from '../auth/identity';
import type { GraphServices } from '../graph/graph-services';
import type { AlertActionDeps } from '../alerts/act-on-alert';
import { withTokenCacheScope } from '../auth/token-cache-scope';
import type { Config } from '../config/config';
import { ConversationRegistry } from '../conversations/registry';
import type { Logger } from '../log/logger';
import type { KeyValueStore } from '../store/store';
import { createAdapter } from './adapter';
import { boundActivityText } from './bounded-activity';
import { registerInstallRoutes } from './routes/install';
import { ProactiveNotifier } from './proactive-notifier';
import { registerCardActions } from './routes/card-actions';
import { registerMessageRoute } from './routes/message';
import { StatusCardMemo } from '../commands/status-memo';
import { refuseTenant, tenantAllowed } from './tenant-gate';
import { correlationIdOf, loggerOf, setTurnMeta } from './turn-context';
import { tenantOf } from './turn-info';
import { teamsUserOf } from './turn-services';
import { ssoOptions } from './sso';

export interface BotDeps {
  config: Config;
  store: KeyValueStore;
  logger: Logger;
  identity: Identity;
  graph: GraphServices;
  /** The encrypted token cache teams-ai's SSO uses (production). */
  cachePlugin?: EncryptedCachePlugin;
  /** How long a card action may wait for data before answering "Updating…" (default 4 s). */
  invokeBudgetMs?: number;
  /** Builds the alerting pieces that need the adapter (proactive sends) and registry; enables alert buttons. */
  alertingFactory?: (adapter: TeamsAdapter, registry: ConversationRegistry) => AlertActionDeps;
  /** teams-ai's typing indicator (on in production; tests may turn it off). */
  typingIndicator?: boolean;
}

/** The bot as the HTTP server sees it: one function per request to /api/messages. */
export interface Bot {
  process(req: Request, res: Response): Promise<void>;
  adapter: TeamsAdapter;
  registry: ConversationRegistry;
}

/** Wires the teams-ai Application: storage, routes, tenant gate, error handler. */
export function createBot(deps: BotDeps): Bot {
  const { config, store, logger } = deps;
  const adapter = createAdapter(config);
  const registry = new ConversationRegistry(store);
  const app = new Application<TurnState>({
    adapter,
    storage: store,
    botAppId: config.bot.id ?? '',
    startTypingTimer: deps.typingIndicator ?? true,
    removeRecipientMention: true,
    authentication:
      deps.identity.mode === 'sso' && deps.cachePlugin ? ssoOptions(config, deps.cachePlugin) : undefined,
  });
  registerInstallRoutes(app, registry);
  const alerting = deps.alertingFactory?.(adapter, registry);
  const statusCards = new StatusCardMemo();
  registerMessageRoute(app, registry, deps.identity, deps.graph, alerting?.stores, statusCards);
  registerCardActions(app, {
    identity: deps.identity,
    graph: deps.graph,
    alerts: alerting?.stores,
    statusCards,
    alerting,
    logger,
    messages: new ProactiveNotifier(adapter, config.bot.id ?? ''),
    budgetMs: deps.invokeBudgetMs,
  });

  app.error(async (ctx, err) => {
    const correlationId = correlationIdOf(ctx);
    loggerOf(ctx, logger).error({ err, correlationId }, 'turn failed');
    try {
      await ctx.sendActivity(
        `Sorry, something went wrong on my side while handling that. Please try again; if it keeps happening, quote reference ${correlationId} to whoever runs M365 Pulse.`,
      );
    } catch (sendErr) {
      logger.warn({ err: sendErr, correlationId }, 'could not send the apology');
    }
  });

  return {
    adapter,
    registry,
    process: (req, res) =>
      adapter.process(req, res, async (ctx) => {
        boundActivityText(ctx.activity);
        const correlationId = randomUUID();
        const turnLogger = logger.child({ tenantId: tenantOf(ctx.activity), correlationId });
        setTurnMeta(ctx, correlationId, turnLogger);
        if (!tenantAllowed(ctx, config.allowedTenants)) {
          turnLogger.warn({ type: ctx.activity.type }, 'activity from a tenant that is not allowed');
          return refuseTenant(ctx);
        }
        const started = Date.now();
        const user = teamsUserOf(ctx);
        await withTokenCacheScope({ kind: 'user', tenantId: user.tenantId, oid: user.oid }, () =>
          app.run(ctx),
        );
        turnLogger.debug(
          { type: ctx.activity.type, name: ctx.activity.name, ms: Date.now() - started },
          'turn',
        );
      }),
  };
}
