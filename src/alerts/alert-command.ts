import type { RuleKind } from '../monitor/rules';
import type { SubscriptionScope } from '../monitor/rule-scope';
import type { RuleRef } from './rule-order';

/** Which of Microsoft's issues a `subscribe`/`unsubscribe` names: incidents (all of them) or advisories. */
export type MicrosoftIssueKind = 'incidents' | 'advisories';

/** A `watch` condition, resolved to a catalog function and already validated against the metric's unit. */
export interface WatchRequest {
  fn: string;
  kind: RuleKind;
  threshold: number;
  /** The user wrote `%` after the number. */
  percent: boolean;
  /** From `for <duration>` in 5-minute buckets; absent: the metric's default. */
  forBuckets?: number;
}

/** The alerting commands, parsed (see `src/commands/parsers/`); handlers in `src/commands/handlers/`. */
export type AlertCommand =
  /**
   * `issues`: only Microsoft's issues of the scope change (`subscribe exchange advisories`, `unsubscribe exchange
   * incidents`); absent: the subscription itself.
   */
  | { name: 'subscribe'; scope: SubscriptionScope; issues?: MicrosoftIssueKind }
  | { name: 'unsubscribe'; scope: SubscriptionScope; issues?: MicrosoftIssueKind }
  | { name: 'subscriptions' }
  /** A new rule, or `watch #n` / `watch <rule id>`: unmute a rule muted by `unwatch`. */
  | { name: 'watch'; rule: WatchRequest }
  | { name: 'watch'; resume: RuleRef }
  | { name: 'unwatch'; ref: RuleRef }
  | { name: 'rules' }
  /** `null`: `quiet off`. Times are `HH:MM`; the zone is a valid IANA name. */
  | { name: 'quiet'; quiet: { from: string; to: string; timeZone: string } | null }
  /** `null`: `digest off`. */
  | { name: 'digest'; digest: { at: string; timeZone: string } | null }
  | { name: 'alerts' }
  /** How far back: minutes and a label ("7 days"). */
  | { name: 'history'; minutes: number; label: string };
