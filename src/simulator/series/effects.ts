/** What a scenario does to one metric while it is active. */
export type Effect =
  /** Multiply an activity count (0.4 = a 60 % drop, 6 = a spike). */
  | { metric: string; scale: number }
  /** Hold a percentage near this level. */
  | { metric: string; percent: number }
  /** Set a state count (branches, tunnels) to this absolute level. */
  | { metric: string; gauge: number };

/** An effect bound to a range of UTC minute indexes [fromMinute, toMinute). */
export interface MinuteModifier {
  fromMinute: number;
  toMinute: number;
  effect: Effect;
}

/** The effects active at one minute (usually none). */
export function effectsAt(modifiers: readonly MinuteModifier[], minute: number): Effect[] {
  return modifiers.filter((m) => minute >= m.fromMinute && minute < m.toMinute).map((m) => m.effect);
}
