import type { MetricDef, ServiceDef, ServiceGroup } from './catalog-types';
import { ENTRA_METRICS } from './catalog-entra';
import { NETWORK_ACCESS_METRICS } from './catalog-network-access';
import { EXCHANGE_METRICS } from './catalog-exchange';
import { TEAMS_METRICS } from './catalog-teams';
import { ONEDRIVE_METRICS, WEB_METRICS } from './catalog-web';

/** The six service groups, in the order the bot lists them. */
export const SERVICES: readonly ServiceDef[] = [
  {
    id: 'exchange',
    name: 'Exchange Online',
    aliases: ['exo', 'exchange', 'mail', 'email', 'outlook'],
    permission: 'ServiceActivity-Exchange.Read.All',
    healthServices: ['Exchange Online'],
  },
  {
    id: 'teams',
    name: 'Microsoft Teams',
    aliases: ['teams'],
    permission: 'ServiceActivity-Teams.Read.All',
    healthServices: ['Microsoft Teams'],
  },
  {
    id: 'onedrive',
    name: 'OneDrive for work or school',
    aliases: ['onedrive', 'odb'],
    permission: 'ServiceActivity-OneDrive.Read.All',
    healthServices: ['OneDrive for Business', 'SharePoint Online'],
  },
  {
    id: 'web',
    name: 'Microsoft 365 web apps',
    aliases: ['web apps', 'office', 'office web', 'm365 apps'],
    permission: 'ServiceActivity-Microsoft365Web.Read.All',
    healthServices: ['Office for the web'],
  },
  {
    id: 'entra',
    name: 'Microsoft Entra',
    aliases: ['entra', 'aad', 'azure ad', 'identity', 'sign-ins', 'signins'],
    permission: 'Reports.Read.All',
    healthServices: ['Identity Service', 'Microsoft Entra'],
  },
  {
    id: 'networkAccess',
    name: 'Global Secure Access',
    aliases: ['gsa', 'global secure access', 'network access'],
    permission: 'Reports.Read.All',
    healthServices: [],
  },
];

/** Every documented serviceActivity function (39), grouped by service in `SERVICES` order. */
export const METRICS: readonly MetricDef[] = [
  ...EXCHANGE_METRICS,
  ...TEAMS_METRICS,
  ...ONEDRIVE_METRICS,
  ...WEB_METRICS,
  ...ENTRA_METRICS,
  ...NETWORK_ACCESS_METRICS,
];

const byFn = new Map(METRICS.map((m) => [m.fn, m]));
const byId = new Map(METRICS.map((m) => [m.id, m]));
const byService = new Map(SERVICES.map((s) => [s.id, METRICS.filter((m) => m.service === s.id)]));
const services = new Map<string, ServiceDef>(SERVICES.map((s) => [s.id, s]));

/** Metric for an exact, case-sensitive Graph function name (Graph's own matching is undocumented). */
export function metricByFn(fn: string): MetricDef | undefined {
  return byFn.get(fn);
}

/** Metric for a stable id such as `mail-delivery`. */
export function metricById(id: string): MetricDef | undefined {
  return byId.get(id);
}

/** The metrics of one service group, in catalog order. */
export function metricsOfService(service: ServiceGroup): readonly MetricDef[] {
  return byService.get(service) ?? [];
}

/** The service group definition for an id such as `networkAccess`; undefined for unknown ids. */
export function serviceById(id: string): ServiceDef | undefined {
  return services.get(id);
}

/**
 * Graph permissions of Microsoft's service communications API, each valid delegated and as an application
 * permission: health overviews and issues, and Message center posts.
 */
export const SERVICE_HEALTH_PERMISSIONS = {
  health: 'ServiceHealth.Read.All',
  messages: 'ServiceMessage.Read.All',
} as const;

/** Microsoft's service for issues that affect every workload; it belongs to every service group. */
export const SUITE_HEALTH_SERVICE = 'Microsoft 365 suite';

/**
 * The service groups a service health `service` name belongs to (case-insensitive): the groups that list it, every
 * group for the Microsoft 365 suite, none for a service Pulse has no telemetry for (Intune, Power BI …).
 */
export function groupsOfHealthService(name: string): ServiceGroup[] {
  const n = name.trim().toLowerCase();
  if (n === SUITE_HEALTH_SERVICE.toLowerCase()) return SERVICES.map((s) => s.id);
  return SERVICES.filter((s) => s.healthServices.some((h) => h.toLowerCase() === n)).map((s) => s.id);
}

/**
 * The metric for `fn`, or a plain stand-in (its name is the function, judged as a count) for a function the catalog
 * lacks, so a card about stored data from an older or newer catalog still renders.
 */
export function metricOrStandIn(fn: string): MetricDef {
  return (
    metricByFn(fn) ?? {
      id: fn,
      fn,
      service: 'exchange',
      name: fn,
      description: '',
      unit: 'count',
      higherIsBetter: true,
      permission: '',
      roles: [],
      aliases: [],
      defaultRule: { kind: 'drop', threshold: 50, forBuckets: 2 },
      typical: 0,
    }
  );
}
