import { metricById } from '../../src/domain/catalog';
import { parseSeries } from '../../src/graph/parse';
import type { Series } from '../../src/domain/series';
import type { IntervalMinutes } from '../../src/domain/catalog-types';
import { generateSeries } from '../../src/simulator/series/generator';
import { modifiersFor, resolveScenario } from '../../src/simulator/scenarios';
import { SYSTEM_ACTOR } from '../../src/monitor/actor';
import { defaultRulesFor, type Rule } from '../../src/monitor/rules';
import { evaluate, type Evaluation } from '../../src/monitor/evaluate-rule';
import { transition } from '../../src/monitor/alert-state';
import type { AlertEffect } from '../../src/monitor/alert-effects';
import { evaluationEvent } from '../../src/monitor/alert-events';
import { isOpen, type Incident } from '../../src/monitor/incident';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
export const TENANT = 'contoso';

/** Simulated tenant data for one metric, as the Graph client would hand it over (parsed, gaps listed). */
export interface SimOptions {
  /** Window [start, end) in epoch ms; `now` limits the data like the live simulator does. */
  start: number;
  end: number;
  now: number;
  interval?: IntervalMinutes;
  seats?: number;
  /** Ingestion lag in minutes (newest complete buckets read low); default 0. */
  lag?: number;
  scenarios?: { name: string; at: number; durationMinutes?: number }[];
  seed?: number;
}

/** The catalog function of a metric id. */
export function fnOf(metricId: string): string {
  const m = metricById(metricId);
  if (!m) throw new Error(`unknown metric ${metricId}`);
  return m.fn;
}

/** A series from the simulator's deterministic generator, run through the real Graph parser. */
export function simSeries(metricId: string, o: SimOptions): Series {
  const metric = metricById(metricId)!;
  const interval = o.interval ?? 5;
  const active = (o.scenarios ?? []).map((s, i) =>
    resolveScenario(
      { name: s.name, at: new Date(s.at), durationMinutes: s.durationMinutes },
      new Date(o.now),
      `s${i}`,
    ),
  );
  const points = generateSeries({
    seed: o.seed ?? 1,
    tenantId: TENANT,
    tenant: { seats: o.seats ?? 10_000 },
    metric,
    start: new Date(o.start),
    end: new Date(o.end),
    intervalMinutes: interval,
    now: new Date(o.now),
    lagMinutes: o.lag ?? 0,
    modifiers: modifiersFor(active, TENANT, metricId),
  });
  const window = { start: new Date(o.start), end: new Date(o.end), intervalMinutes: interval };
  return parseSeries({ value: points }, { tenantId: TENANT, fn: metric.fn, unit: metric.unit, window });
}

/** The current window ending at the bucket boundary at or after `now`, and the same window 1–`weeks` weeks back. */
export function simWindow(
  metricId: string,
  now: number,
  o: Omit<SimOptions, 'start' | 'end' | 'now'> & { hours?: number; weeks?: number } = {},
): { current: Series; history: Series[] } {
  const size = (o.interval ?? 5) * MINUTE;
  const end = Math.ceil(now / size) * size;
  const start = end - (o.hours ?? 6) * HOUR;
  const current = simSeries(metricId, { ...o, start, end, now });
  const history = Array.from({ length: o.weeks ?? 4 }, (_, i) => {
    const shift = (i + 1) * WEEK;
    // History is complete: read it a day after the window ended, without this week's scenarios.
    return simSeries(metricId, {
      ...o,
      scenarios: [],
      start: start - shift,
      end: end - shift,
      now: end + DAY,
    });
  });
  return { current, history };
}

/** The catalog default rule of a metric for the test tenant. */
export function defaultRule(metricId: string, overrides: Partial<Rule> = {}): Rule {
  const [rule] = defaultRulesFor([fnOf(metricId)], {
    tenantId: TENANT,
    createdBy: SYSTEM_ACTOR,
    createdAt: '2026-10-01T00:00:00Z',
  });
  return { ...rule, ...overrides };
}

/** A hand-made series: `values[i]` is bucket i from `start` (null = gap). */
export function handSeries(
  fn: string,
  start: number,
  values: (number | null)[],
  interval: IntervalMinutes = 5,
): Series {
  const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const size = interval * MINUTE;
  const points: Series['points'] = [];
  const gaps: string[] = [];
  values.forEach((v, i) =>
    v === null ? gaps.push(iso(start + i * size)) : points.push({ t: iso(start + i * size), v }),
  );
  return {
    fn,
    intervalMinutes: interval,
    start: iso(start),
    end: iso(start + values.length * size),
    points,
    gaps,
  };
}

/** The part of a series in [start, end), as a narrower Graph request would return it (points are ascending). */
export function sliceSeries(s: Series, start: number, end: number): Series {
  const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const cut = <T>(xs: T[], at: (x: T) => string) =>
    xs.slice(lowerBound(xs, at, start), lowerBound(xs, at, end));
  return {
    ...s,
    start: iso(start),
    end: iso(end),
    points: cut(s.points, (p) => p.t),
    gaps: cut(s.gaps, (g) => g),
  };
}

function lowerBound<T>(xs: T[], at: (x: T) => string, ms: number): number {
  const key = `${new Date(ms).toISOString().slice(0, 19)}Z`; // ISO strings of one form sort like their instants
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(xs[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A long stretch of simulated data (current plus `weeks` history weeks) that windows are sliced from. */
export function simStretch(
  metricId: string,
  from: number,
  to: number,
  o: Omit<SimOptions, 'start' | 'end' | 'now'> & { weeks?: number; now?: number } = {},
): {
  current: Series;
  history: Series[];
  window: (now: number, hours?: number) => { current: Series; history: Series[] };
} {
  const current = simSeries(metricId, { ...o, start: from, end: to, now: o.now ?? to });
  const history = Array.from({ length: o.weeks ?? 4 }, (_, i) =>
    simSeries(metricId, {
      ...o,
      scenarios: [],
      start: from - (i + 1) * WEEK,
      end: to - (i + 1) * WEEK,
      now: to,
    }),
  );
  const size = (o.interval ?? 5) * MINUTE;
  const window = (now: number, hours = 6) => {
    const end = Math.ceil(now / size) * size;
    const start = end - hours * HOUR;
    return {
      current: sliceSeries(current, start, end),
      history: history.map((h, i) => sliceSeries(h, start - (i + 1) * WEEK, end - (i + 1) * WEEK)),
    };
  };
  return { current, history, window };
}

/** One cycle of the alert loop as the I/O layer will run it. */
export interface CycleLog {
  now: number;
  evaluation: Evaluation;
  incident: Incident | undefined;
  effects: AlertEffect[];
}

/**
 * Runs the alert loop every `stepMinutes` over [from, to]: evaluate (firing = an incident is open), turn the result
 * into an event, apply it. `windowAt` supplies the current and history series for each `now`.
 */
export function playAlerts(
  rule: Rule,
  windowAt: (now: number) => { current: Series; history: Series[] },
  from: number,
  to: number,
  o: { stepMinutes?: number; settleMinutes?: number } = {},
): CycleLog[] {
  const log: CycleLog[] = [];
  let incident: Incident | undefined;
  for (let now = from; now <= to; now += (o.stepMinutes ?? 5) * MINUTE) {
    const evaluation = evaluate(rule, {
      ...windowAt(now),
      now,
      firing: isOpen(incident),
      settleMinutes: o.settleMinutes,
    });
    const result = transition(incident, evaluationEvent(rule, evaluation), now);
    incident = result.incident;
    log.push({ now, evaluation, incident, effects: result.effects });
  }
  return log;
}

/** The card effects of a loop run, as `HH:MM kind` lines. */
export function cardEffects(log: CycleLog[]): string[] {
  return log.flatMap((c) =>
    c.effects
      .filter((e) => e.kind !== 'none')
      .map((e) => `${new Date(c.now).toISOString().slice(11, 16)} ${e.kind}`),
  );
}
