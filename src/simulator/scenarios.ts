import type { Effect, MinuteModifier } from './series/effects';
import { scenarioByName, SCENARIOS } from './scenario-catalog';

/** How to start a scenario: `at` (ISO or Date) or `startsInMinutes` from now (default: now). */
export interface ScenarioStart {
  name: string;
  at?: string | Date;
  startsInMinutes?: number;
  durationMinutes?: number;
  /** Only this tenant is affected; default every tenant. */
  tenantId?: string;
}

/** A started scenario, as listed by `GET /_sim/state`. */
export interface ActiveScenario {
  id: string;
  name: string;
  description: string;
  startsAt: string;
  endsAt: string;
  tenantId?: string;
  effects: readonly Effect[];
}

/** Thrown for an unknown scenario name or a bad start; the HTTP layer maps it to 400. */
export class ScenarioError extends Error {}

/** Builds an active scenario from a start request, validating the name and times. */
export function resolveScenario(start: ScenarioStart, now: Date, id: string): ActiveScenario {
  const def = scenarioByName(start.name);
  if (!def) {
    throw new ScenarioError(
      `Unknown scenario '${start.name}'. Known: ${SCENARIOS.map((s) => s.name).join(', ')}.`,
    );
  }
  const at =
    start.at !== undefined
      ? new Date(start.at)
      : new Date(now.getTime() + (start.startsInMinutes ?? 0) * 60_000);
  if (Number.isNaN(at.getTime())) throw new ScenarioError(`Invalid scenario start '${String(start.at)}'.`);
  const minutes = start.durationMinutes ?? def.durationMinutes;
  if (!(minutes > 0)) throw new ScenarioError(`durationMinutes must be positive, got ${minutes}.`);
  return {
    id,
    name: def.name,
    description: def.description,
    startsAt: at.toISOString(),
    endsAt: new Date(at.getTime() + minutes * 60_000).toISOString(),
    tenantId: start.tenantId,
    effects: def.effects,
  };
}

/** The minute-level modifiers that active scenarios apply to one tenant's metric. */
export function modifiersFor(
  active: readonly ActiveScenario[],
  tenantId: string,
  metricId: string,
): MinuteModifier[] {
  return active
    .filter((s) => s.tenantId === undefined || s.tenantId === tenantId)
    .flatMap((s) =>
      s.effects
        .filter((e) => e.metric === metricId)
        .map((effect) => ({
          fromMinute: Math.floor(Date.parse(s.startsAt) / 60_000),
          toMinute: Math.ceil(Date.parse(s.endsAt) / 60_000),
          effect,
        })),
    );
}
