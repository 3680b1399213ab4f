import type { SeriesPoint } from '../domain/series';

/** The eight block glyphs, lowest first. */
export const SPARK_BARS = '▁▂▃▄▅▆▇█';
/** A gap: a no-break space, so HTML does not collapse it and the line keeps its width. */
export const SPARK_GAP = '\u00a0';

/**
 * One glyph per value, scaled between the smallest and largest finite value; missing values (null, undefined,
 * NaN) become `SPARK_GAP`. A flat line is `▁` when it is all zero and `▄` otherwise; no values give ''.
 */
export function sparkline(values: readonly (number | null | undefined)[]): string {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return values.map(() => SPARK_GAP).join('');
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const flat = max === min ? (max === 0 ? SPARK_BARS[0] : SPARK_BARS[3]) : undefined;
  return values
    .map((v) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return SPARK_GAP;
      if (flat) return flat;
      const i = Math.round(((v - min) / (max - min)) * (SPARK_BARS.length - 1));
      return SPARK_BARS[i];
    })
    .join('');
}

/**
 * The newest `width` buckets of a series ending at `end` (exclusive), a gap for each bucket without a point;
 * `width` is also the glyph count, so rows of a table line up.
 */
export function sparklineOfPoints(
  points: readonly SeriesPoint[],
  intervalMinutes: number,
  end: Date | number,
  width: number,
): string {
  const size = intervalMinutes * 60_000;
  const first = +end - width * size;
  const slots: (number | undefined)[] = new Array(width).fill(undefined);
  for (const p of points) {
    const i = Math.floor((Date.parse(p.t) - first) / size);
    if (i >= 0 && i < width) slots[i] = p.v;
  }
  return sparkline(slots);
}
