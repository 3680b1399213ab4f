import { fnv1a } from '../../domain/fnv1a';
import { DAY_MS, WEEK_MS } from '../../domain/time';
import type { TeamsUser } from '../../auth/identity';
import type { MonitorCredential } from '../../auth/monitor-identity';
import { currentBucketStart, intervalMs } from '../../domain/buckets';
import { metricByFn, serviceById } from '../../domain/catalog';
import type { IntervalMinutes } from '../../domain/catalog-types';
import type { MsRange, Series } from '../../domain/series';
import type { Outbox } from '../../delivery/outbox';
import { transition } from '../alert-state';
import { evaluationEvent } from '../alert-events';
import { BUCKET_MINUTES, DEFAULT_SETTLE_MINUTES } from '../detection-timing';
import { evaluate, type Evaluation } from '../evaluate';
import { isOpen, incidentKey, type Incident } from '../incident';
import { groupIncidents, type IncidentGroup } from '../incident-groups';
import { isQuietAt, quietEndsAt } from '../quiet-hours';
import { fnsInScope } from '../rule-scope';
import type { Rule } from '../rules';
import type { ChartStore } from './chart-store';
import { sendDueDigests } from './digest';
import type { IncidentRepository } from '../../alerts/incident-repository';
import type {
  AlertCards,
  CredentialSource,
  CycleReport,
  MonitorConfigSource,
  MonitorMetrics,
  WatchedConversation,
} from './types';

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
 * One monitor cycle for one tenant: read its subscriptions and rules; for each permission the rules need, pick an
 * identity (app-only, else a subscribing admin, else pause those subscriptions with one card saying who must sign
 * in); fetch the current window and up to four previous weeks in one batched, cache-aware round; evaluate every rule;
 * apply the lifecycle to the stored incidents; and queue one card per affected incident group into every
 * conversation subscribed to it (held until quiet hours end). The outbox sends them.
 */
export async function runTenantCycle(tenantId: string, now: number, deps: CycleDeps): Promise<CycleReport> {
  // A tenant whose data is cached runs without I/O (the store is synchronous): without this turn of the event loop a
  // cycle over thousands of tenants would hold chat turns, timers and health checks for its whole length.
  await new Promise((resolve) => setImmediate(resolve));
  const interval = deps.intervalMinutes ?? BUCKET_MINUTES;
  const report: CycleReport = {
    tenantId,
    rules: 0,
    fetched: 0,
    evaluations: { breach: 0, healthy: 0, 'no-data': 0, 'insufficient-history': 0, 'low-volume': 0 },
    cardsQueued: 0,
    paused: 0,
    digests: 0,
    errors: [],
  };
  const subs = await deps.config.subscriptions(tenantId);
  if (subs.length === 0) return report;
  const watched = new Set(subs.flatMap((s) => fnsInScope(s.scope)));
  const rules = (await deps.config.rules(tenantId)).filter((r) => watched.has(r.fn));
  report.rules = rules.length;

  const windows = evaluationWindows(now, interval, deps.windowMinutes ?? 360);
  const fetchWindows = historyFetchWindows(tenantId, windows, interval);
  const series = new Map<string, Series[]>();
  const admins = uniqueAdmins(subs);
  let anyToken: (() => Promise<string>) | undefined;
  const fnsByToken = new Map<string, string[]>();
  for (const [permission, fns] of byPermission(rules)) {
    const credential = await pickCredential(tenantId, permission, admins, deps, report);
    const covering = subs.filter((s) => fnsInScope(s.scope).some((fn) => fns.includes(fn)));
    if (credential.kind === 'none') {
      report.paused += await pause(covering, credential.reason, credential.admins, now, deps);
      continue;
    }
    await resume(covering, deps);
    anyToken ??= async () => credential.token;
    fnsByToken.set(credential.token, [...(fnsByToken.get(credential.token) ?? []), ...fns]);
  }
  // One batched fetch per identity, not per permission: a token that carries every permission (app-only, or an
  // admin's) reads all 39 metrics in 2 requests instead of a round per permission. History is fetched to the end of the
  // tenant's history day (once a day) and read back as the exact windows the baseline compares.
  for (const [token, fns] of fnsByToken) {
    const results = await deps.metrics.seriesMany(
      tenantId,
      fns,
      fetchWindows,
      interval,
      async () => token,
      windows,
    );
    for (const r of results) {
      if (r.ok) {
        series.set(r.fn, r.series);
        report.fetched++;
      } else report.errors.push(`${r.fn}: ${r.error.message}`);
    }
  }

  const charts: Record<string, Evaluation['buckets']> = {};
  const touched = new Set<string>();
  // One listing for the tenant's incidents instead of a read per rule: most rules have none (cheap on Azure Blob).
  const known = series.size
    ? new Map((await deps.incidents.list(tenantId)).map((i) => [i.key, i]))
    : new Map<string, Incident>();
  for (const rule of rules) {
    const s = series.get(rule.fn);
    if (!s) continue;
    const key = incidentKey(tenantId, rule.id, rule.fn);
    const stored: Incident | undefined = known.get(key);
    const evaluation = evaluate(rule, {
      current: s[0],
      history: s.slice(1),
      now,
      firing: isOpen(stored),
      settleMinutes: deps.settleMinutes ?? DEFAULT_SETTLE_MINUTES,
    });
    report.evaluations[evaluation.state]++;
    charts[rule.fn] = evaluation.buckets;
    const event = evaluationEvent(rule, evaluation);
    // Stored only when the lifecycle changes something (re-read under eTag then); a quiet rule costs no write.
    const preview = transition(stored, event, now);
    const unchanged = preview.incident === stored && preview.effects.every((e) => e.kind === 'none');
    const step = unchanged
      ? preview
      : await deps.incidents.apply(tenantId, key, (current) => transition(current, event, now));
    if (step.effects.some((e) => e.kind !== 'none') && step.incident) touched.add(step.incident.id);
    const id = step.incident?.id;
    if (deps.charts && id && (step.incident?.state !== 'resolved' || touched.has(id)))
      await deps.charts.save(
        tenantId,
        rule.fn,
        charts[rule.fn].map((b) => ({ t: b.t, v: b.value, baseline: b.baseline })),
      );
  }
  if (touched.size) report.cardsQueued += await queueCards(tenantId, touched, subs, rules, charts, now, deps);
  report.digests = await sendDueDigests(tenantId, subs, now, anyToken, deps);
  try {
    await deps.retention?.(tenantId, now);
  } catch (e) {
    report.errors.push(`retention: ${e instanceof Error ? e.message : String(e)}`);
  }
  return report;
}

/** Queues the card of every incident group that has a touched member, to each conversation subscribed to it. */
export async function queueCards(
  tenantId: string,
  touched: ReadonlySet<string>,
  subs: readonly WatchedConversation[],
  rules: readonly Rule[],
  charts: Record<string, Evaluation['buckets']>,
  now: number,
  deps: Pick<CycleDeps, 'incidents' | 'outbox' | 'cards' | 'keepResolvedMs'>,
): Promise<number> {
  const rulesById = Object.fromEntries(rules.map((r) => [r.id, r]));
  let queued = 0;
  for (const group of cardGroups(await deps.incidents.list(tenantId), now, deps.keepResolvedMs)) {
    if (!group.members.some((m) => touched.has(m.id))) continue;
    const chartOf = Object.fromEntries(
      group.members.map((m) => [
        m.fn,
        (charts[m.fn] ?? []).map((b) => ({ t: b.t, v: b.value, baseline: b.baseline })),
      ]),
    );
    for (const sub of subs) {
      if (!group.members.some((m: Incident) => fnsInScope(sub.scope).includes(m.fn))) continue;
      const { timeZone, locale } = sub;
      const card = deps.cards.group({ group, charts: chartOf, rules: rulesById, now, timeZone, locale });
      const holdUntil = sub.quiet && isQuietAt(sub.quiet, now) ? quietEndsAt(sub.quiet, now) : undefined;
      await deps.outbox.enqueue(
        { tenantId, conversationId: sub.conversationId, cardKey: group.key, card },
        holdUntil,
      );
      queued++;
    }
  }
  return queued;
}

/** Incident groups that have (or had, within `keepMs`) a card: the same grouping wherever a card is rebuilt. */
export function cardGroups(
  incidents: readonly Incident[],
  now: number,
  keepMs = 24 * 3_600_000,
): IncidentGroup[] {
  return groupIncidents(
    incidents.filter(
      (i) =>
        i.cardPosted && (i.state !== 'resolved' || now - Date.parse(i.resolvedAt ?? i.openedAt) < keepMs),
    ),
  );
}

/** The current window and the same window 1–4 weeks back, aligned to the interval, ending at the open bucket. */
export function evaluationWindows(now: number, interval: IntervalMinutes, windowMinutes: number): MsRange[] {
  const end = currentBucketStart(now, interval);
  const start = end - Math.ceil((windowMinutes * 60_000) / intervalMs(interval)) * intervalMs(interval);
  return [0, 1, 2, 3, 4].map((k) => ({ start: start - k * WEEK_MS, end: end - k * WEEK_MS }));
}

/**
 * Where the tenant's history day begins, after UTC midnight (a whole number of buckets, from a hash of the tenant
 * id): tenants fetch their next history days at different cycles of the day, not all in the first one after
 * midnight (for 5,000 tenants that cycle alone would need 50,000 requests and several minutes of CPU).
 */
export function historyDayOffset(tenantId: string, interval: IntervalMinutes): number {
  return (fnv1a(tenantId.toLowerCase()) % (DAY_MS / intervalMs(interval))) * intervalMs(interval);
}

/** What a cycle asks the cache (and Graph) for: the current window, and each history window to the end of its day. */
export function historyFetchWindows(
  tenantId: string,
  windows: readonly MsRange[],
  interval: IntervalMinutes,
): MsRange[] {
  const offset = historyDayOffset(tenantId, interval);
  return [windows[0], ...windows.slice(1).map((w) => restOfHistoryDay(w, offset))];
}

/**
 * A history window extended to the end of the tenant's history day (still inside Graph's 30 days): the extension
 * stays the same until the window's end crosses that boundary, so each history day is fetched once, and every other
 * cycle needs only the current window's new buckets (≤ 2 requests). The part behind the window is not asked for
 * again, so the cache lets it go.
 */
function restOfHistoryDay(w: MsRange, offset: number): MsRange {
  return { start: w.start, end: Math.ceil((w.end - offset) / DAY_MS) * DAY_MS + offset };
}

function byPermission(rules: readonly Rule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rules) {
    const service = metricByFn(r.fn)?.service;
    const permission = service ? serviceById(service)?.permission : undefined;
    if (!permission) continue;
    const fns = out.get(permission) ?? [];
    if (!fns.includes(r.fn)) fns.push(r.fn);
    out.set(permission, fns);
  }
  return out;
}

function uniqueAdmins(subs: readonly WatchedConversation[]): TeamsUser[] {
  const seen = new Map<string, TeamsUser>();
  for (const s of subs) seen.set(`${s.admin.tenantId}|${s.admin.oid}`, s.admin);
  return [...seen.values()];
}

/**
 * `deps.credential`, never throwing: an identity source that fails (store, network) counts as no identity, so the
 * subscriptions pause with a card naming why instead of the tenant silently losing its cycle; it is asked again at
 * the next cycle.
 */
async function pickCredential(
  tenantId: string,
  permission: string,
  admins: TeamsUser[],
  deps: CycleDeps,
  report: CycleReport,
): Promise<MonitorCredential> {
  try {
    return await deps.credential(tenantId, permission, admins);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    report.errors.push(`credential ${permission}: ${why}`);
    return {
      kind: 'none',
      reason: `could not pick an identity (${why}); tried again at every cycle`,
      admins,
    };
  }
}

async function pause(
  subs: readonly WatchedConversation[],
  reason: string,
  admins: readonly TeamsUser[],
  now: number,
  deps: CycleDeps,
): Promise<number> {
  let paused = 0;
  for (const sub of subs) {
    if (sub.paused) continue;
    const names = admins.map((a) => a.name ?? a.oid);
    await deps.config.setPaused(sub, { since: new Date(now).toISOString(), reason, admins: names });
    const card = deps.cards.paused({ sub, admins: names, reason, now });
    await deps.outbox.enqueue({
      tenantId: sub.tenantId,
      conversationId: sub.conversationId,
      cardKey: `paused|${sub.id}`,
      card,
    });
    paused++;
  }
  return paused;
}

async function resume(subs: readonly WatchedConversation[], deps: CycleDeps): Promise<void> {
  for (const sub of subs) if (sub.paused) await deps.config.setPaused(sub, undefined);
}
