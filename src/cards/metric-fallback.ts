import { text } from './adaptive-card';
import type { WindowGrid } from './window-stats';

/** Rows in the fallback table of a metric chart. */
export const FALLBACK_ROWS = 12;

/**
 * What clients without Teams charts show instead of the chart: the window's sparkline and a FactSet of about 12
 * evenly spaced buckets with data (this week, and last week when compared).
 */
export function metricFallback(
  grid: WindowGrid,
  label: (t: number) => string,
  value: (v: number) => string,
  spark: string,
): object {
  const withData = grid.thisWeek.flatMap((v, i) => (v === undefined ? [] : [i]));
  const step = Math.max(1, withData.length / FALLBACK_ROWS);
  const picked = [
    ...new Set(
      Array.from(
        { length: Math.min(FALLBACK_ROWS, withData.length) },
        (_, k) => withData[Math.floor(k * step)],
      ),
    ),
  ];
  const last = withData[withData.length - 1];
  if (last !== undefined && picked[picked.length - 1] !== last) picked[picked.length - 1] = last;
  const facts = picked.map((i) => {
    const before = grid.lastWeek?.[i];
    const v = value(grid.thisWeek[i] as number);
    return {
      title: label(grid.times[i]),
      value: before === undefined ? v : `${v} (last week ${value(before)})`,
    };
  });
  return {
    type: 'Container',
    items: [text(`Trend: ${spark}`, { fontType: 'Monospace' }), { type: 'FactSet', facts }],
  };
}
