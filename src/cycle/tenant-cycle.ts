import type { IntervalMinutes } from '../domain/catalog-types';
import type { Outbox } from '../delivery/outbox';
import type { IncidentRepository } from '../alerts/incident-repository';
import { BUCKET_MINUTES, DEFAULT_SETTLE_MINUTES } from '../monitor/detection-timing';
import type { Incident } from '../monitor/incident';
import type { ChartStore } from '../alerts/chart-store';
import { chartsOf, decideCards, decideTransitions, type RuleDecision } from './decide';
import { sendDueDigests } from './digest';
import { fetchSeries } from './fetch';
import { queueAlertCards, queuePausedCards } from './notify';
import { persistPauses, persistTransitions } from './persist';
import { planCycle } from './plan';
import type { AlertCards, CredentialSource, CycleReport, MonitorConfigSource, MonitorMetrics } from './types';

export interface CycleDeps {
  config: MonitorConfigSource;
  metrics: MonitorMetrics;
  credential: CredentialSource;
  incidents: IncidentRepository;
  outbox: Outbox;
  cards: AlertCards;
  /** Bucket size the rules are judged on; default `BUCKET_MINUTES` (5). */
  intervalMinutes?: IntervalMinutes;
  /** Window evaluated each cycle (the cache makes later cycles fetch only new buckets); default 6 hours. */
  windowMinutes?: number;
  /** Resolved incidents stay in grouping and cards this long; default 24 hours. */
  keepResolvedMs?: number;
  /** Minutes a bucket must have ended before it is judged (late-arriving data); default `DEFAULT_SETTLE_MINUTES`. */
  settleMinutes?: number;
  /** Keeps the chart of metrics with open incidents, for cards rebuilt after a button press. */
  charts?: ChartStore;
  /** Deletes the tenant's expired audit entries and archived incidents (see `dailyRetention`). */
  retention?: (tenantId: string, now: number) => Promise<void>;
}

/**
 * One monitor cycle for one tenant, in five stages: **plan** (subscriptions, rules, an identity per permission, or a
 * pause naming who must sign in), **fetch** (the current window and four previous weeks, batched and cache-aware),
 * **decide** (pure: evaluations, lifecycle transitions, the cards to send), **persist** (incidents under eTag, pauses,
 * charts) and **notify** (the outbox, held through quiet hours), then due digests and daily retention.
 */
export async function runTenantCycle(tenantId: string, now: number, deps: CycleDeps): Promise<CycleReport> {
  // A tenant whose data is cached runs without I/O (the store is synchronous): without this turn of the event loop a
  // cycle over thousands of tenants would hold chat turns, timers and health checks for its whole length.
  await new Promise((resolve) => setImmediate(resolve));
  const report = emptyReport(tenantId);
  const plan = await planCycle(tenantId, deps);
  if (!plan) return report;
  report.rules = plan.rules.length;
  report.errors.push(...plan.errors);
  const paused = await persistPauses(plan.pauses, plan.resumes, now, deps.config);
  report.paused = await queuePausedCards(paused, now, deps);

  const interval = deps.intervalMinutes ?? BUCKET_MINUTES;
  const windowMinutes = deps.windowMinutes ?? 360;
  const fetched = await fetchSeries(tenantId, now, plan.fetches, {
    metrics: deps.metrics,
    interval,
    windowMinutes,
  });
  report.fetched = fetched.series.size;
  report.errors.push(...fetched.errors);
  report.congested = fetched.congested;
  if (fetched.graphMs !== undefined) report.graphMs = fetched.graphMs;

  // One listing for the tenant's incidents instead of a read per rule: most rules have none (cheap on Azure Blob).
  const known = fetched.series.size ? await listByKey(tenantId, deps.incidents) : new Map<string, Incident>();
  const settleMinutes = deps.settleMinutes ?? DEFAULT_SETTLE_MINUTES;
  const decisions = decideTransitions({
    tenantId,
    now,
    rules: plan.rules,
    series: fetched.series,
    known,
    settleMinutes,
  });
  countEvaluations(report, decisions);
  const charts = chartsOf(decisions);
  const touched = await persistTransitions(tenantId, decisions, charts, now, deps);
  if (touched.size) {
    const incidents = await deps.incidents.list(tenantId);
    const sends = decideCards({
      incidents,
      touched,
      subs: plan.subs,
      rules: plan.rules,
      charts,
      now,
      keepResolvedMs: deps.keepResolvedMs,
    });
    report.cardsQueued = await queueAlertCards(tenantId, sends, now, deps);
  }
  report.digests = await sendDueDigests(tenantId, plan.subs, now, plan.anyToken, deps);
  await runRetention(tenantId, now, deps, report);
  return report;
}

function emptyReport(tenantId: string): CycleReport {
  return {
    tenantId,
    rules: 0,
    fetched: 0,
    evaluations: { breach: 0, healthy: 0, 'no-data': 0, 'insufficient-history': 0, 'low-volume': 0 },
    cardsQueued: 0,
    paused: 0,
    digests: 0,
    errors: [],
    congested: false,
  };
}

async function listByKey(tenantId: string, incidents: IncidentRepository): Promise<Map<string, Incident>> {
  return new Map((await incidents.list(tenantId)).map((i) => [i.key, i]));
}

function countEvaluations(report: CycleReport, decisions: readonly RuleDecision[]): void {
  for (const d of decisions) report.evaluations[d.evaluation.state]++;
}

/** Daily retention, never failing the cycle: a failure is reported and tried again the next day. */
async function runRetention(
  tenantId: string,
  now: number,
  deps: CycleDeps,
  report: CycleReport,
): Promise<void> {
  try {
    await deps.retention?.(tenantId, now);
  } catch (e) {
    report.errors.push(`retention: ${e instanceof Error ? e.message : String(e)}`);
  }
}
