import { metricById } from '../../src/domain/catalog';
import type { Actor } from '../../src/monitor/actor';
import type { UserAction } from '../../src/monitor/alert-events';
import { transition } from '../../src/monitor/alert-state';
import type { Incident } from '../../src/monitor/incident';
import type { AlertChartPoint } from '../../src/cards/alert-input';
import { noise } from './synthetic';

/** 15:20 in Berlin (UTC+1 in November). */
export const NOW = new Date('2026-11-27T14:20:00Z');
export const TZ = 'Europe/Berlin';
export const TENANT = '11111111-2222-3333-4444-555555555555';
export const ADELE: Actor = { id: 'aad-adele', name: 'Adele Vance' };
export const ALEX: Actor = { id: 'aad-alex', name: 'Alex Wilber' };

const MINUTE = 60_000;
/** UTC instant of a Berlin wall-clock time on NOW's day: `at('14:05')`. */
export const at = (berlin: string): number => Date.parse(`2026-11-27T${berlin}:00+01:00`);

export const fnOf = (metricId: string): string => metricById(metricId)!.fn;

/** An incident opened by a breaching evaluation at `openedAt`, through the real lifecycle. */
export function opened(
  metricId: string,
  openedAtMs: number,
  value: number,
  baseline: number | null,
  o: { ruleId?: string; reason?: string } = {},
): Incident {
  const metric = metricById(metricId)!;
  const t = transition(
    undefined,
    {
      type: 'evaluation',
      result: 'breach',
      tenantId: TENANT,
      ruleId: o.ruleId ?? `default:${metricId}`,
      fn: metric.fn,
      service: metric.service,
      value,
      baseline,
      reason: o.reason ?? `${metric.name}: breach.`,
    },
    openedAtMs,
  );
  return t.incident!;
}

/** The incident after a person's action at `ms`; fails if the lifecycle refuses it. */
export function acted(incident: Incident, action: UserAction, ms: number): Incident {
  const t = transition(incident, action, ms);
  if (t.effects[0]?.kind === 'none') throw new Error(`action refused: ${t.effects[0].reason}`);
  return t.incident!;
}

/** The incident after a healthy evaluation at `ms` (resolved by recovery). */
export function recovered(incident: Incident, ms: number, reason = 'back to normal'): Incident {
  const t = transition(
    incident,
    {
      type: 'evaluation',
      result: 'healthy',
      tenantId: incident.tenantId,
      ruleId: incident.ruleId,
      fn: incident.fn,
      service: incident.service,
      value: null,
      baseline: null,
      reason,
    },
    ms,
  );
  return t.incident!;
}

/**
 * `n` 5-minute buckets ending with the bucket before `endMs`: the usual level waves around `usual`, the value follows
 * it and is scaled by `factor(i)` (1 = normal); deterministic.
 */
export function chart(
  endMs: number,
  n: number,
  usual: number,
  factor: (i: number) => number,
  o: { percent?: boolean; gapAt?: number[] } = {},
): AlertChartPoint[] {
  const start = endMs - n * 5 * MINUTE;
  return Array.from({ length: n }, (_, i) => {
    const t = start + i * 5 * MINUTE;
    const hour = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60;
    const wave = o.percent ? 1 : 1 + 0.2 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
    const base = usual * wave * (o.percent ? 1 + 0.002 * noise(i) : 1);
    const v = o.gapAt?.includes(i)
      ? null
      : base * factor(i) * (1 + (o.percent ? 0.001 : 0.04) * noise(i + 7));
    const r = (x: number) => (o.percent ? Math.round(x * 10) / 10 : Math.round(x));
    return {
      t: new Date(t).toISOString().replace('.000Z', 'Z'),
      v: v === null ? null : r(v),
      baseline: r(base),
    };
  });
}

/** A factor of 1 until bucket `from`, then `low`, and back to 1 from `until` on. */
export const dip =
  (from: number, low: number, until = Infinity) =>
  (i: number): number =>
    i >= from && i < until ? low : 1;

/** Every TextBlock text and FactSet row (`title: value`) of a card part, in order, skipping chart fallbacks. */
export function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'TextBlock' ? [String(o.text)] : [];
  const facts =
    o.type === 'FactSet'
      ? (o.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`)
      : [];
  const inner = Object.entries(o)
    .filter(([k]) => k !== 'fallback')
    .flatMap(([, v]) => texts(v));
  return [...own, ...facts, ...inner];
}
