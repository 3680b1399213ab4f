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
 * The newest `width` buckets of a series ending at `end` (exclusive), a gap for each bucket without a point, and its
 * trend word; `width` is also the glyph count, so rows of a table line up.
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
  return labelledSparkline(slots);
}

/**
 * The word a screen reader says for a sparkline (the glyphs alone read as "lower one eighth block…"): `rising`,
 * `falling` or `steady`, comparing the mean of the newest third of the values with the oldest third (a change of
 * 10 % or more counts); `no data` without values.
 */
export function trendWord(values: readonly (number | null | undefined)[]): string {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return 'no data';
  const third = Math.max(1, Math.floor(finite.length / 3));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(finite.slice(0, third));
  const last = mean(finite.slice(-third));
  const scale = Math.max(Math.abs(first), Math.abs(last));
  if (scale === 0 || Math.abs(last - first) / scale < 0.1) return 'steady';
  return last > first ? 'rising' : 'falling';
}

/** A sparkline followed by its trend word, so it reads as words too: `▆▇▇▁▁ falling`. */
export function labelledSparkline(values: readonly (number | null | undefined)[]): string {
  return `${sparkline(values)} ${trendWord(values)}`;
}
