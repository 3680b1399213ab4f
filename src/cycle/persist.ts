import type { IncidentRepository } from '../alerts/incident-repository';
import { transition } from '../monitor/alert-state';
import type { Transition } from '../monitor/alert-effects';
import type { ChartStore, ChartPoint } from '../alerts/chart-store';
import type { RuleDecision } from './decide';
import type { PauseNeed } from './plan';
import type { MonitorConfigSource, WatchedConversation } from './types';

/**
 * Stage 4: stores each decision that changes its incident, re-applying the event to the stored incident under its
 * eTag (another instance or a button may have changed it since it was listed), and keeps the chart of every open or
 * just-changed incident for cards rebuilt after a button press. Returns the ids of incidents whose card must change.
 */
export async function persistTransitions(
  tenantId: string,
  decisions: readonly RuleDecision[],
  charts: Record<string, ChartPoint[]>,
  now: number,
  deps: { incidents: IncidentRepository; charts?: ChartStore },
): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const d of decisions) {
    const step: Transition = d.changes
      ? await deps.incidents.apply(tenantId, d.key, (current) => transition(current, d.event, now))
      : d.step;
    const incident = step.incident;
    if (incident && step.effects.some((e) => e.kind !== 'none')) touched.add(incident.id);
    if (deps.charts && incident && (incident.state !== 'resolved' || touched.has(incident.id)))
      await deps.charts.save(tenantId, d.rule.fn, charts[d.rule.fn]);
  }
  return touched;
}

/**
 * Stage 4: marks subscriptions paused (those not paused yet; returned, for their cards) and clears the pause of
 * those whose identity is back.
 */
export async function persistPauses(
  pauses: readonly PauseNeed[],
  resumes: readonly WatchedConversation[],
  now: number,
  config: MonitorConfigSource,
): Promise<{ sub: WatchedConversation; need: PauseNeed }[]> {
  const paused: { sub: WatchedConversation; need: PauseNeed }[] = [];
  for (const need of pauses)
    for (const sub of need.subs) {
      if (sub.paused || paused.some((p) => p.sub === sub)) continue;
      const admins = need.admins.map((a) => a.name ?? a.oid);
      await config.setPaused(sub, { since: new Date(now).toISOString(), reason: need.reason, admins });
      paused.push({ sub, need });
    }
  for (const sub of resumes) await config.setPaused(sub, undefined);
  return paused;
}
