import type { TeamsUser } from '../auth/identity';
import type { MonitorCredential } from '../auth/monitor-identity';
import { metricByFn, serviceById } from '../domain/catalog';
import { fnsInScope } from '../monitor/rule-scope';
import type { Rule } from '../monitor/rules';
import type { CredentialSource, MonitorConfigSource, WatchedConversation } from './types';

/** The metrics one identity reads in a single batched fetch. */
export interface FetchGroup {
  token: string;
  fns: string[];
}

/** Subscriptions that lost every identity for a permission: they are paused with a card saying who must sign in. */
export interface PauseNeed {
  subs: WatchedConversation[];
  reason: string;
  admins: TeamsUser[];
}

/** Stage 1 of a tenant's cycle: what to read, with which identity, and which subscriptions pause or resume. */
export interface CyclePlan {
  subs: WatchedConversation[];
  rules: Rule[];
  fetches: FetchGroup[];
  pauses: PauseNeed[];
  resumes: WatchedConversation[];
  /** Any identity that reads the tenant, for digests; undefined when every permission lacks one. */
  anyToken?: () => Promise<string>;
  errors: string[];
}

/**
 * Reads the tenant's subscriptions and rules and, for each permission the watched rules need, picks an identity
 * (app-only, else a subscribing admin). One fetch per identity, not per permission: a token that carries every
 * permission reads all 39 metrics in 2 requests. Undefined when nothing is subscribed.
 */
export async function planCycle(
  tenantId: string,
  deps: { config: MonitorConfigSource; credential: CredentialSource },
): Promise<CyclePlan | undefined> {
  const subs = await deps.config.subscriptions(tenantId);
  if (subs.length === 0) return undefined;
  const rules = watchedRules(subs, await deps.config.rules(tenantId));
  const plan: CyclePlan = { subs, rules, fetches: [], pauses: [], resumes: [], errors: [] };
  const admins = uniqueAdmins(subs);
  for (const [permission, fns] of byPermission(rules)) {
    const credential = await pickCredential(tenantId, permission, admins, deps.credential, plan.errors);
    const covering = subsCovering(subs, fns);
    if (credential.kind === 'none') {
      plan.pauses.push({ subs: covering, reason: credential.reason, admins: credential.admins });
      continue;
    }
    plan.resumes.push(...covering.filter((s) => s.paused && !plan.resumes.includes(s)));
    const token = credential.token;
    plan.anyToken ??= async () => token;
    addFetch(plan.fetches, token, fns);
  }
  return plan;
}

/** The rules of the metrics some subscription watches. */
export function watchedRules(subs: readonly WatchedConversation[], rules: readonly Rule[]): Rule[] {
  const watched = new Set(subs.flatMap((s) => fnsInScope(s.scope)));
  return rules.filter((r) => watched.has(r.fn));
}

/** Subscriptions that watch at least one of `fns`. */
export function subsCovering(
  subs: readonly WatchedConversation[],
  fns: readonly string[],
): WatchedConversation[] {
  return subs.filter((s) => fnsInScope(s.scope).some((fn) => fns.includes(fn)));
}

/** The rules' metrics grouped by the Graph permission that reads them, each metric once. */
export function byPermission(rules: readonly Rule[]): Map<string, string[]> {
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

function addFetch(fetches: FetchGroup[], token: string, fns: readonly string[]): void {
  const same = fetches.find((f) => f.token === token);
  if (same) same.fns.push(...fns);
  else fetches.push({ token, fns: [...fns] });
}

function uniqueAdmins(subs: readonly WatchedConversation[]): TeamsUser[] {
  const seen = new Map<string, TeamsUser>();
  for (const s of subs) seen.set(`${s.admin.tenantId}|${s.admin.oid}`, s.admin);
  return [...seen.values()];
}

/**
 * The credential source, never throwing: one that fails (store, network) counts as no identity, so the
 * subscriptions pause with a card naming why instead of the tenant silently losing its cycle; it is asked again at
 * the next cycle.
 */
async function pickCredential(
  tenantId: string,
  permission: string,
  admins: TeamsUser[],
  credential: CredentialSource,
  errors: string[],
): Promise<MonitorCredential> {
  try {
    return await credential(tenantId, permission, admins);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    errors.push(`credential ${permission}: ${why}`);
    return {
      kind: 'none',
      reason: `could not pick an identity (${why}); tried again at every cycle`,
      admins,
    };
  }
}
