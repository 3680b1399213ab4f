import type { TeamsUser } from '../auth/identity';
import type { MonitorCredential } from '../auth/monitor-identity';
import type { MonitorMetrics, StatusReport } from '../graph/metrics-reader';
import type { Evaluation } from '../monitor/evaluate-rule';
import type { IncidentGroup } from '../monitor/incident-groups';
import type { QuietHours } from '../monitor/quiet-hours';
import type { Rule } from '../monitor/rules';
import type { SubscriptionScope } from '../monitor/rule-scope';

/** What the monitor needs of a subscription (`alerts/subscription-store.ts` maps its records onto it). */
export interface WatchedConversation {
  id: string;
  tenantId: string;
  conversationId: string;
  scope: SubscriptionScope;
  /** The admin who subscribed: their delegated token is the monitor's fallback identity. */
  admin: TeamsUser;
  quiet?: QuietHours;
  paused?: { since: string; reason: string; admins: string[] };
  /** Cards for this conversation are formatted in this locale and zone (see `readerOfSubscription`). */
  locale: string;
  timeZone: string;
  /** Which of Microsoft's issues for the scope's services come here too; absent: incidents, not advisories. */
  microsoft?: { incidents: boolean; advisories: boolean };
  /** `digest daily HH:MM <zone>`; `since` is when it was set up, `lastSentAt` when it last went out. */
  digest?: { at: string; timeZone: string; since: string; lastSentAt?: string };
}

/** Where the monitor reads its configuration and records what only it changes. */
export interface MonitorConfigSource {
  /** Tenants with at least one subscription, of the given partitions only. */
  tenants(partitions: ReadonlySet<number>): Promise<string[]>;
  subscriptions(tenantId: string): Promise<WatchedConversation[]>;
  rules(tenantId: string): Promise<Rule[]>;
  setPaused(sub: WatchedConversation, paused: WatchedConversation['paused'] | undefined): Promise<void>;
  setDigestSent(sub: WatchedConversation, at: string): Promise<void>;
}

export type { MonitorMetrics };

/** Renders the cycle's cards (alerts, pause notices, digests); injected so the cycle does not depend on card layout. */
export interface AlertCards {
  group(input: {
    group: IncidentGroup;
    charts: Record<string, { t: string; v: number | null; baseline: number | null }[]>;
    rules: Record<string, Rule>;
    now: number;
    timeZone: string;
    locale: string;
  }): object;
  paused(input: { sub: WatchedConversation; admins: string[]; reason: string; now: number }): object;
  /** The daily digest: the status of the subscription's metrics. */
  digest(input: { report: StatusReport; now: number; timeZone: string; locale: string }): object;
}

export type CredentialSource = (
  tenantId: string,
  permission: string,
  admins: readonly TeamsUser[],
) => Promise<MonitorCredential>;

/** One tenant's cycle, for logs and the benchmark. */
export interface CycleReport {
  tenantId: string;
  rules: number;
  fetched: number;
  evaluations: Record<Evaluation['state'], number>;
  cardsQueued: number;
  paused: number;
  digests: number;
  errors: string[];
  /** Graph throttled (429) or timed out on some metric: the monitor polls fewer tenants at once. */
  congested: boolean;
}
