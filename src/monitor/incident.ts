import type { Actor } from './actor';

/** Lifecycle of an incident; only `resolved` is closed. */
export type IncidentState = 'firing' | 'acknowledged' | 'snoozed' | 'resolved';

/** What happened to an incident, for its history and the card's timeline. */
export type IncidentAction =
  'opened' | 'acknowledged' | 'snoozed' | 'unsnoozed' | 'snooze-ended' | 'muted' | 'unmuted' | 'resolved';

export interface IncidentHistoryEntry {
  /** ISO instant. */
  at: string;
  /** Absent for the evaluator's own steps (opened, resolved on recovery, snooze ended). */
  by?: Actor;
  action: IncidentAction;
  note: string;
}

/**
 * One breach episode of one rule, shown as one living card. `key` (tenant|rule|fn) deduplicates: at most one open
 * incident per key. A breach after a resolve opens the next `occurrence`, with its own `id` (`key#occurrence`) and
 * card. `version` counts stored revisions (1 when opened), for optimistic concurrency and ordering card updates.
 */
export interface Incident {
  key: string;
  id: string;
  occurrence: number;
  tenantId: string;
  ruleId: string;
  fn: string;
  /** Catalog service group (`exchange`, `teams`, …): incidents of one service may share a grouped card. */
  service: string;
  state: IncidentState;
  openedAt: string;
  lastBreachAt: string;
  /** Newest evaluated value and baseline (null when unknown). */
  value: number | null;
  baseline: number | null;
  ackBy?: Actor;
  ackAt?: string;
  snoozedUntil?: string;
  snoozedBy?: Actor;
  resolvedAt?: string;
  /** Set when a person resolved it by hand. */
  resolvedBy?: Actor;
  /** The rule's mute as last seen: while set, evaluations change state but never cards. */
  muted?: { by: Actor; at: string };
  /** A card was requested (post-card) for this incident; a muted rule's incident may have none. */
  cardPosted: boolean;
  /** Resolved by hand: breaches are ignored until the rule has been healthy once (no duplicate card). */
  awaitingRecovery?: boolean;
  history: IncidentHistoryEntry[];
  version: number;
}

/** The dedup key: one open incident (and one card) per tenant, rule and function. */
export function incidentKey(tenantId: string, ruleId: string, fn: string): string {
  return `${tenantId}|${ruleId}|${fn}`;
}

/** True until resolved. */
export function isOpen(incident: Incident | undefined): incident is Incident {
  return incident !== undefined && incident.state !== 'resolved';
}
