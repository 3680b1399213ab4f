import { DeadLetterLog } from '../delivery/dead-letters';
import type { KeyValueStore } from '../store/store';
import { AuditLog } from './audit-log';
import { IncidentRepository } from './incident-repository';
import { RuleStore } from './rule-store';
import { SubscriptionStore } from './subscription-store';

/** The alert data chat commands read and change, all in one key-value store. */
export interface AlertStores {
  subscriptions: SubscriptionStore;
  rules: RuleStore;
  audit: AuditLog;
  incidents: IncidentRepository;
  /** Alert cards the outbox gave up delivering. */
  deadLetters: DeadLetterLog;
}

/** The alert stores over one key-value store (the bot's SQLite or Azure Blob store); `partitions` is K. */
export function createAlertStores(store: KeyValueStore, partitions?: number): AlertStores {
  return {
    subscriptions: new SubscriptionStore(store, partitions),
    rules: new RuleStore(store),
    audit: new AuditLog(store),
    incidents: new IncidentRepository(store),
    deadLetters: new DeadLetterLog(store),
  };
}
