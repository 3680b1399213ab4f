/** Service groups of the Microsoft 365 Monitoring API, as the bot presents them. */
export type ServiceGroup = 'exchange' | 'teams' | 'onedrive' | 'web' | 'entra' | 'networkAccess';

/** `count` metrics return `value` (serviceActivityValueMetric); `percent` ones return `percentage`. */
export type MetricUnit = 'count' | 'percent';

/** Allowed aggregation intervals (minutes), as documented for every serviceActivity function. */
export const INTERVALS = [5, 10, 15, 30] as const;
export type IntervalMinutes = (typeof INTERVALS)[number];

/**
 * A suggested alert rule: `below`/`above` a fixed level, or a `drop`/`rise` of N % against the seasonal baseline
 * (same weekday and time of day in the previous week, as the admin center compares).
 */
export interface DefaultRule {
  kind: 'below' | 'above' | 'drop' | 'rise';
  /**
   * Percentage points for `below`/`above` on percent metrics, a count for counts, or the % change for `drop`/`rise`
   * (`drop` 50 = value at most half the baseline; `rise` 100 = value at least double the baseline).
   */
  threshold: number;
  /** Consecutive complete breaching buckets before the rule fires. */
  forBuckets: number;
  /**
   * Noise floor for `drop`/`rise` on counts: a bucket is judged only when the baseline (`drop`) or the value (`rise`)
   * is at least this count, so a quiet night going from 2 to 5 failures is not an incident.
   */
  minCount?: number;
}

/** One serviceActivity function and everything the product knows about it. */
export interface MetricDef {
  /** Stable short id used in commands, rules and docs, e.g. `mail-delivery`. */
  id: string;
  /** Exact, case-sensitive Graph function name, e.g. `getMessageVolumeMetricsForEmailDelivery`. */
  fn: string;
  service: ServiceGroup;
  /** Friendly name, e.g. "Mail delivery". */
  name: string;
  /** One sentence an admin understands. */
  description: string;
  unit: MetricUnit;
  higherIsBetter: boolean;
  /** Graph permission; the same name serves delegated (`scp`) and application (`roles`) access. */
  permission: string;
  /** Least-privileged admin roles where documented; empty when the docs state none. */
  roles: readonly string[];
  /** Lower-case phrases users type: "mail flow", "email delivery", "udp". */
  aliases: readonly string[];
  /** Marked preview/unstable in the docs (OneDrive). */
  preview?: boolean;
  defaultRule: DefaultRule;
  /**
   * Typical level used by the simulated tenant: for counts, the weekday-peak value per 1,000 licensed users per
   * 15-minute bucket; for percentages, the normal percentage (e.g. 99.9).
   */
  typical: number;
}

/** A service group's presentation and the permission its metrics need. */
export interface ServiceDef {
  id: ServiceGroup;
  name: string;
  aliases: readonly string[];
  permission: string;
  /**
   * The services Microsoft reports this group's incidents, advisories and messages under in service health (the
   * `service` of a serviceHealthIssue, an entry of a message's `services`). Empty when Microsoft lists none.
   */
  healthServices: readonly string[];
}
