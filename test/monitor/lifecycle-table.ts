import assert from 'node:assert/strict';
/* Builders shared by the lifecycle tests: incidents in each state and a table runner. */
import type { Actor } from '../../src/monitor/actor';
import { transition } from '../../src/monitor/alert-state';
import type { AlertEffect } from '../../src/monitor/alert-effects';
import { type AlertEvent, type EvaluationEvent } from '../../src/monitor/alert-events';
import type { Incident } from '../../src/monitor/incident';
import { fnOf, MINUTE } from './fixtures';

export const ANA: Actor = { id: 'u-ana', name: 'Ana Lopez' };
export const BO: Actor = { id: 'u-bo', name: 'Bo Chen' };
export const T0 = Date.parse('2026-11-24T10:00:00Z');
export const at = (min: number) => T0 + min * MINUTE;
export const FN = fnOf('mail-delivery');
export const KEY = `contoso|default:mail-delivery|${FN}`;
export const MUTE = { by: BO, at: '2026-11-24T09:00:00Z' };

export function ev(result: EvaluationEvent['result'], extra: Partial<EvaluationEvent> = {}): EvaluationEvent {
  const value = result === 'breach' ? 400 : result === 'healthy' ? 990 : null;
  return {
    type: 'evaluation',
    result,
    tenantId: 'contoso',
    ruleId: 'default:mail-delivery',
    fn: FN,
    service: 'exchange',
    value,
    baseline: 1000,
    reason: `evaluator says ${result}`,
    ...extra,
  };
}

/** Applies events in order (each `[minute, event]`), returning the last incident and every effect. */
export function play(steps: [number, AlertEvent][], start?: Incident) {
  let incident = start;
  const effects: AlertEffect[][] = [];
  for (const [min, event] of steps) {
    const r = transition(incident, event, at(min));
    incident = r.incident;
    effects.push(r.effects);
  }
  return { incident, effects };
}

/** Incidents in each state, opened at minute 0 by a breach. */
export const firing = () => play([[0, ev('breach')]]).incident!;
export const acknowledged = () => play([[1, { type: 'acknowledge', by: ANA }]], firing()).incident!;
export const snoozed = (minutes = 60, from = acknowledged) =>
  play([[2, { type: 'snooze', by: ANA, minutes }]], from()).incident!;
export const muted = () => play([[1, ev('breach', { muted: MUTE, value: 350 })]], firing()).incident!;
export const resolved = () => play([[5, ev('healthy')]], firing()).incident!;
export const manuallyResolved = () =>
  play([[5, { type: 'resolve', by: ANA, note: 'known issue' }]], firing()).incident!;

export const kinds = (effects: AlertEffect[]) => effects.map((e) => e.kind).join(',');
export const why = (effects: AlertEffect[]) =>
  effects.map((e) => (e.kind === 'none' ? e.reason : '')).join('');

export interface Row {
  name: string;
  from: () => Incident | undefined;
  event: AlertEvent;
  min: number;
  state: Incident['state'] | undefined;
  effect: AlertEffect['kind'];
  reason?: RegExp;
  check?: (i: Incident | undefined, before: Incident | undefined) => void;
}

/** Runs one table row: the transition, its state and effect, and that the input was not mutated. */
export function checkRow(row: Row): void {
  const before = row.from();
  const frozen = JSON.stringify(before);
  const { incident, effects } = transition(before, row.event, at(row.min));
  assert.equal(incident?.state, row.state);
  assert.equal(kinds(effects), row.effect);
  if (row.reason) assert.match(why(effects), row.reason);
  if (effects[0].kind !== 'none')
    assert.equal((effects[0] as { incidentId: string }).incidentId, incident!.id);
  row.check?.(incident, before);
  assert.equal(JSON.stringify(before), frozen, 'the input incident is not mutated');
}
