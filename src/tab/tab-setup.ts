import type { IncidentRepository } from '../alerts/incident-repository';
import type { Identity } from '../auth/identity';
import type { Config } from '../config/config';
import type { GraphServices } from '../graph/graph-services';
import type { Logger } from '../log/logger';
import { entraKeys, issuerFor } from './entra-keys';
import type { TabUser } from './sso-token';
import { TabApi } from './tab-api';
import type { TabAuthMode } from './tab-auth';
import type { TabRouteDeps } from './tab-routes';

/**
 * The demo tab's signed-in person: the admin the Agents Playground signs in (`.m365agentsplayground.yml`), so the
 * tab and the demo chats share one token cache partition and one set of access verdicts.
 */
export const DEMO_TAB_OID = '00000000-0000-4000-8000-00000000a001';

/** The audiences a Teams SSO token for this app carries: the app ID URI of the tab and bot, and the app id. */
export function tabAudiences(config: Config): string[] {
  const { id } = config.bot;
  const domain = config.bot.domain?.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return [
    ...(domain && id ? [`api://${domain}/botid-${id}`] : []),
    ...(config.aad.clientId ? [config.aad.clientId] : []),
  ];
}

/** How tab requests sign in under this configuration (see TabAuthMode). */
export function tabAuthMode(config: Config, now?: () => number): TabAuthMode {
  if (config.demo) {
    const user: TabUser = {
      tenantId: (config.aad.tenantId ?? 'demo').toLowerCase(),
      oid: DEMO_TAB_OID,
      name: 'Adele Vance',
    };
    return { kind: 'demo', user };
  }
  const source = { authorityHost: config.aad.authorityHost, authorityMetadata: config.aad.authorityMetadata };
  return {
    kind: 'sso',
    rules: {
      audiences: tabAudiences(config),
      allowedTenants: config.allowedTenants,
      keys: entraKeys(source),
      issuerOf: issuerFor(source),
      now,
    },
  };
}

/** Everything `/tab/*` and `/api/tab/*` need, over the process-wide Graph services and the incident store. */
export function tabRouteDeps(deps: {
  config: Config;
  graph: GraphServices;
  identity: Identity;
  incidents: IncidentRepository;
  logger: Logger;
  now?: () => number;
}): TabRouteDeps {
  return {
    api: new TabApi({
      graph: deps.graph,
      incidents: deps.incidents,
      logger: deps.logger,
      botId: deps.config.bot.id,
      now: deps.now,
    }),
    auth: tabAuthMode(deps.config, deps.now),
    identity: deps.identity,
    logger: deps.logger,
  };
}
