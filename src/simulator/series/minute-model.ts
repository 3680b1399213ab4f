import type { MetricDef } from '../../domain/catalog-types';
import { activityShape } from './shape';
import { effectsAt, type Effect, type MinuteModifier } from './effects';
import { normal, poisson, uniform } from './random';
import type { MetricProfile } from './profiles';

/** Everything that determines a metric's minute values for one tenant. */
export interface MinuteContext {
  seed: number;
  tenantHash: number;
  fnHash: number;
  seats: number;
  utcOffsetMinutes: number;
  metric: MetricDef;
  profile: MetricProfile;
  modifiers: readonly MinuteModifier[];
  /** Memo of hourly drift levels (hour index → factor); minutes of a window share a few hours. */
  hourCache?: Map<number, number>;
}

const NONE: readonly Effect[] = [];
const SLOW_NOISE = 0.08; // ± hourly drift of activity levels
const DAILY_NOISE = 0.05; // ± day-to-day drift

function hourFactor(ctx: MinuteContext, hour: number): number {
  const cache = (ctx.hourCache ??= new Map());
  let f = cache.get(hour);
  if (f === undefined) {
    const day = Math.floor(hour / 24);
    const dayLevel = 1 + DAILY_NOISE * (2 * uniform(ctx.seed, ctx.tenantHash, ctx.fnHash, day, 12) - 1);
    f = dayLevel * (1 + SLOW_NOISE * (2 * uniform(ctx.seed, ctx.tenantHash, ctx.fnHash, hour, 11) - 1));
    cache.set(hour, f);
  }
  return f;
}

/** Smooth multiplicative drift: hourly random levels (each times its day's level) interpolated linearly. */
function drift(ctx: MinuteContext, minute: number): number {
  const hour = Math.floor(minute / 60);
  const frac = (minute % 60) / 60;
  return hourFactor(ctx, hour) * (1 - frac) + hourFactor(ctx, hour + 1) * frac;
}

/** The final (fully ingested) value of one UTC minute: a count, a gauge level or a percentage. */
export function minuteValue(ctx: MinuteContext, minute: number): number {
  const effects = ctx.modifiers.length ? effectsAt(ctx.modifiers, minute) : NONE;
  const { profile, metric } = ctx;
  if (profile.kind === 'gauge') {
    const set = effects.find((e) => 'gauge' in e);
    if (set && 'gauge' in set) return set.gauge;
    return metric.typical > 0 ? Math.max(1, Math.round((metric.typical * ctx.seats) / 1000)) : 0;
  }
  const z = normal(ctx.seed, ctx.tenantHash, ctx.fnHash, minute, 21);
  if (profile.kind === 'percent') {
    const set = effects.find((e) => 'percent' in e);
    if (set && 'percent' in set) return clampPercent(set.percent + profile.sd * 0.5 * z);
    const quiet = 1 - activityShape('workday', minute, ctx.utcOffsetMinutes); // fewer samples at night
    const sd = profile.sd * (1 + 2 * quiet);
    return clampPercent(metric.typical + sd * (0.8 * z + 6 * (drift(ctx, minute) - 1)));
  }
  const scale = effects.reduce((f, e) => ('scale' in e ? f * e.scale : f), 1);
  const lambda =
    ((metric.typical * ctx.seats) / 1000 / 15) *
    activityShape(profile.shape, minute, ctx.utcOffsetMinutes) *
    drift(ctx, minute) *
    scale;
  return poisson(lambda, uniform(ctx.seed, ctx.tenantHash, ctx.fnHash, minute, 22), z);
}

function clampPercent(p: number): number {
  return Math.min(100, Math.max(0, p));
}
