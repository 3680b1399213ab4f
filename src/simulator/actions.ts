import {
  appTokenClaims,
  assertionClaims,
  DEFAULT_ASSERTION_AUDIENCE,
  delegatedTokenClaims,
} from './entra/claims';
import { signJwt } from './entra/keys';
import { resolveScenario, type ActiveScenario, type ScenarioStart } from './scenarios';
import { issueIdFor } from './service-health/issue-script';
import { ISSUE_SCRIPTS } from './service-health/issue-scripts';
import type { SimState } from './state';
import type { GraphTokenRequest, UserAssertionRequest } from './types';

/**
 * Starts a scenario (throws ScenarioError for a bad name or time). A scenario that is Microsoft's fault also opens
 * its Microsoft issue, whose posts are published over time on the simulator's clock.
 */
export function startScenario(state: SimState, start: ScenarioStart): ActiveScenario {
  const active = resolveScenario(start, state.now(), `s${state.nextScenarioId++}`);
  state.scenarios.push(active);
  const script = ISSUE_SCRIPTS[active.name];
  if (script) {
    state.serviceHealth.issues.push({
      id: issueIdFor(script.prefix, `${active.id}|${active.startsAt}|${active.tenantId ?? ''}`, state.seed),
      script,
      startsAt: Date.parse(active.startsAt),
      endsAt: Date.parse(active.endsAt),
      tenantId: active.tenantId,
      scenarioId: active.id,
    });
  }
  return active;
}

/**
 * Stops one scenario; its effect disappears from every window, past ones included. Its Microsoft issue, if already
 * published, stays and resolves as if the impact had ended now (Microsoft does not delete an issue it posted).
 */
export function stopScenario(state: SimState, id: string): boolean {
  const i = state.scenarios.findIndex((s) => s.id === id);
  if (i >= 0) state.scenarios.splice(i, 1);
  const nowMs = state.now().getTime();
  for (const issue of state.serviceHealth.issues) {
    if (issue.scenarioId === id) issue.endsAt = Math.max(issue.startsAt, Math.min(issue.endsAt, nowMs));
  }
  return i >= 0;
}

/** Stops every scenario and forgets their Microsoft issues (history stays): a clean slate for tests and demos. */
export function clearScenarios(state: SimState): void {
  state.scenarios.length = 0;
  state.serviceHealth.issues = state.serviceHealth.issues.filter((i) => i.scenarioId === undefined);
}

/** A user assertion JWT (the demo identity) the bot can redeem on-behalf-of. */
export function issueUserAssertion(state: SimState, u: UserAssertionRequest): string {
  const user = { tid: u.tenantId, oid: u.oid, name: u.name, upn: u.upn };
  const aud = u.audience ?? DEFAULT_ASSERTION_AUDIENCE;
  return signJwt(
    state.key,
    assertionClaims(user, aud, state.now().getTime(), u.expiresInSeconds ?? 3600, u.wids),
  );
}

/** A Graph access token minted directly: delegated when `scp` is given (with `oid`), otherwise app-only. */
export function issueGraphToken(state: SimState, r: GraphTokenRequest): string {
  const nowMs = state.now().getTime();
  const life = r.expiresInSeconds ?? 3599;
  if (r.scp) {
    const oid = r.oid ?? '00000000-0000-4000-8000-000000000001';
    const user = { tid: r.tenantId, oid, name: 'Simulated Admin', upn: `admin@${r.tenantId}` };
    return signJwt(state.key, delegatedTokenClaims(r.appId, user, r.scp, nowMs, life));
  }
  return signJwt(state.key, appTokenClaims(r.appId, r.tenantId, r.roles ?? [], nowMs, life));
}
