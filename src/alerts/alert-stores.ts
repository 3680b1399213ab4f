import { DeadLetterLog } from '../delivery/dead-letters';
import type { KeyValueStore } from '../store/store';
import { AuditLog } from './audit-log';
import { IncidentReader } from './incident-reader';
import { RuleStore } from './rule-store';
import { SubscriptionStore } from './subscription-store';

/** The alert data chat commands read and change, all in one key-value store. */
export interface AlertStores {
  subscriptions: SubscriptionStore;
  rules: RuleStore;
  audit: AuditLog;
  incidents: IncidentReader;
  /** Alert cards the outbox gave up delivering. */
  deadLetters: DeadLetterLog;
}

/** The alert stores over one key-value store (the bot's SQLite or Azure Blob store). */
export function createAlertStores(store: KeyValueStore): AlertStores {
  return {
    subscriptions: new SubscriptionStore(store),
    rules: new RuleStore(store),
    audit: new AuditLog(store),
    incidents: new IncidentReader(store),
    deadLetters: new DeadLetterLog(store),
  };
}
