import { createAlertStores } from '../alerts/alert-stores';
import type { MonitorIdentity } from '../auth/monitor-identity';
import type { ConversationRegistry } from '../conversations/registry';
import type { Notifier } from '../delivery/notifier';
import { Outbox } from '../delivery/outbox';
import { SendBudget } from '../delivery/send-budget';
import type { MonitorMetrics, MonitorServiceHealth } from '../graph/metrics-reader';
import type { Logger } from '../log/logger';
import type { PartitionLeases } from '../store/partitions/partition-leases';
import type { KeyValueStore } from '../store/store';
import type { AlertActionDeps } from '../alerts/act-on-alert';
import { alertCardsWith, renderGroup, type OpenIssuesOf } from './alert-renderers';
import { HealthCycle } from './health-cycle';
import type { CycleDeps } from './tenant-cycle';
import type { CredentialSource } from './types';
import { IssueCardStore } from '../alerts/issue-card-store';
import { openIssuesOfGroup } from '../service-health/issue-cards';
import { ChartStore } from '../alerts/chart-store';
import { configFromStores } from './config-from-stores';
import { IncidentRepository } from '../alerts/incident-repository';
import { Monitor } from './monitor';
import { dailyRetention } from './retention';

export interface AlertingDeps {
  store: KeyValueStore;
  registry: ConversationRegistry;
  notifier: Notifier;
  /** Telemetry for the monitor (the shared Graph service with the monitor's retry budget). */
  metrics: MonitorMetrics;
  /** Absent when no Entra app is configured: every subscription is then paused with a card saying so. */
  identity?: MonitorIdentity;
  leases: PartitionLeases;
  /** K, `MONITOR_PARTITIONS` (the subscription index is kept per partition); default 32. */
  partitions?: number;
  logger: Logger;
  cycleMs: number;
  /** `ALLOWED_TENANTS` (lower case); empty admits every tenant (demo mode). */
  allowedTenants?: readonly string[];
  /** This instance, as the owner of outbox claims. */
  owner: string;
  now?: () => number;
  /** Minutes a bucket must have ended before it is judged (`MONITOR_SETTLE_MINUTES`); default 10. */
  settleMinutes?: number;
  /** Microsoft's service health (the shared poller): issue cards, correlation on alert cards, the digest's list. */
  health?: MonitorServiceHealth;
}

/** The monitor's identity per tenant and permission; without an Entra app, none (subscriptions pause and say why). */
function credentialSource(identity: MonitorIdentity | undefined): CredentialSource {
  return (tenantId, permission, admins) =>
    identity
      ? identity.credential(tenantId, permission, admins)
      : Promise.resolve({
          kind: 'none',
          reason: 'no Entra app is configured for M365 Pulse',
          admins: [...admins],
        });
}

/** The alert monitor and what alert buttons need, over one store: incidents, charts, outbox, subscriptions, rules. */
export function createAlerting(deps: AlertingDeps): { monitor: Monitor; actions: AlertActionDeps } {
  const stores = createAlertStores(deps.store, deps.partitions);
  const incidents = new IncidentRepository(deps.store);
  const charts = new ChartStore(deps.store);
  const outbox = new Outbox({
    store: deps.store,
    registry: deps.registry,
    notifier: deps.notifier,
    budget: new SendBudget(),
    owner: deps.owner,
    now: deps.now,
    logger: deps.logger,
  });
  const config = configFromStores(stores);
  const credential = credentialSource(deps.identity);
  const health = deps.health;
  const openIssues: OpenIssuesOf = (tenantId, service) =>
    openIssuesOfGroup(health?.known(tenantId)?.issues.values() ?? [], service);
  const cycle: CycleDeps = {
    config,
    metrics: deps.metrics,
    credential,
    incidents,
    outbox,
    cards: alertCardsWith(openIssues, (tenantId) => health?.known(tenantId)),
    charts,
    retention: dailyRetention(stores.audit, incidents, stores.deadLetters),
    ...(deps.settleMinutes === undefined ? {} : { settleMinutes: deps.settleMinutes }),
  };
  const monitor = new Monitor({
    cycle,
    health:
      health &&
      new HealthCycle({
        config,
        health,
        credential,
        records: new IssueCardStore(deps.store),
        outbox,
        metrics: deps.metrics,
      }),
    outbox,
    leases: deps.leases,
    logger: deps.logger,
    cycleMs: deps.cycleMs,
    now: deps.now,
    tenantAllowed: (t) => !deps.allowedTenants?.length || deps.allowedTenants.includes(t.toLowerCase()),
  });
  return {
    monitor,
    actions: {
      incidents,
      stores,
      charts,
      outbox,
      render: (input) =>
        renderGroup({ ...input, microsoft: openIssues(input.group.tenantId, input.group.service) }),
    },
  };
}
