import { metricByFn, metricOrStandIn, serviceById } from '../domain/catalog';
import type { MetricDef } from '../domain/catalog-types';
import type { HealthIssue } from '../service-health/types';
import { SYSTEM_ACTOR } from '../monitor/actor';
import type { Incident } from '../monitor/incident';
import type { JudgedBucket } from '../monitor/bucket-verdict';
import { describeRule } from '../monitor/rule-text';
import { defaultRulesFor, type Rule } from '../monitor/rules';

/** One bucket of an alert chart: start (ISO), value and usual level (null for a gap or no baseline). */
export interface AlertChartPoint {
  t: string;
  v: number | null;
  baseline: number | null;
}

/** Incidents of one tenant's service shown on one card; `key` defaults to `groupIncidents`' key. */
export interface AlertGroupInput {
  key?: string;
  tenantId: string;
  service: string;
  incidents: readonly Incident[];
}

export interface AlertCardInput {
  /** One incident gives an incident card; several give one grouped card. */
  group: AlertGroupInput;
  /** Recent buckets per Graph function (the evaluation's `buckets`), oldest first; see `chartPoints`. */
  charts?: Record<string, readonly AlertChartPoint[]>;
  /** Rules by id, for the description and the alert level; catalog defaults are known without it. */
  rules?: Record<string, Rule>;
  now: Date;
  /** IANA zone of the reader; unknown zones fall back to UTC. */
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
  /** Microsoft's open issues on the same service (correlation); none when Microsoft reports nothing there. */
  microsoft?: readonly HealthIssue[];
  /** Polling interval in minutes, for the rule's duration wording. Default 5. */
  intervalMinutes?: number;
}

/** The evaluator's judged buckets as chart points. */
export function chartPoints(buckets: readonly JudgedBucket[]): AlertChartPoint[] {
  return buckets.map((b) => ({ t: b.t, v: b.value, baseline: b.baseline }));
}

/** The group key `groupIncidents` gives: tenant, service and when the oldest member opened. */
export function groupKeyOf(group: AlertGroupInput): string {
  if (group.key) return group.key;
  const oldest = [...group.incidents].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt))[0];
  return `${group.tenantId}|${group.service}|${oldest?.openedAt ?? ''}`;
}

/** Everything a card says about one incident besides its numbers. */
export interface IncidentContext {
  incident: Incident;
  metric: MetricDef;
  rule: Rule | undefined;
  ruleText: string;
}

/** The incident's metric (a plain stand-in for a function the catalog lacks) and rule, with its description. */
export function incidentContext(
  incident: Incident,
  rules: AlertCardInput['rules'],
  intervalMinutes = 5,
): IncidentContext {
  const metric = metricOrStandIn(incident.fn);
  const rule = rules?.[incident.ruleId] ?? catalogRule(incident, metric);
  const ruleText = rule ? describeRule(rule, intervalMinutes) : `Rule ${incident.ruleId}`;
  return { incident, metric, rule, ruleText };
}

/** The display name of a service group id, or the id itself. */
export function serviceName(service: string): string {
  return serviceById(service)?.name ?? service;
}

/** A `default:<metric id>` rule is the catalog's, so its wording needs no stored rule. */
function catalogRule(incident: Incident, metric: MetricDef): Rule | undefined {
  if (incident.ruleId !== `default:${metric.id}` || !metricByFn(incident.fn)) return undefined;
  const origin = { tenantId: incident.tenantId, createdBy: SYSTEM_ACTOR, createdAt: incident.openedAt };
  return defaultRulesFor([incident.fn], origin)[0];
}
