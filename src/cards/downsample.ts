/** A column of values over a shared grid; `undefined` marks a bucket without data. */
export type Column = readonly (number | undefined)[];

/**
 * Indices of a shared grid to keep so a chart has at most `maxPoints` x values, keeping the first and last index
 * and, in each of the evenly sized groups between them, the index of the minimum and of the maximum of every
 * column (so no dip or spike of any series disappears, and the series stay aligned on the same x values).
 * Ascending, unique; every index when the grid already fits.
 */
export function pickIndices(columns: readonly Column[], maxPoints: number): number[] {
  const n = Math.max(0, ...columns.map((c) => c.length));
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const perGroup = 2 * Math.max(1, columns.length);
  const groups = Math.floor((maxPoints - 2) / perGroup);
  if (groups < 1) throw new RangeError(`maxPoints ${maxPoints} is too small for ${columns.length} series`);
  const keep = new Set<number>([0, n - 1]);
  const inner = n - 2;
  for (let g = 0; g < groups; g++) {
    const from = 1 + Math.floor((g * inner) / groups);
    const to = 1 + Math.floor(((g + 1) * inner) / groups);
    for (const column of columns) {
      const extremes = minMaxIndex(column, from, to);
      if (extremes) extremes.forEach((i) => keep.add(i));
    }
  }
  return [...keep].sort((a, b) => a - b);
}

function minMaxIndex(column: Column, from: number, to: number): [number, number] | undefined {
  let lo = -1;
  let hi = -1;
  for (let i = from; i < to; i++) {
    const v = column[i];
    if (v === undefined || !Number.isFinite(v)) continue;
    if (lo < 0 || v < (column[lo] as number)) lo = i;
    if (hi < 0 || v > (column[hi] as number)) hi = i;
  }
  return lo < 0 ? undefined : [lo, hi];
}

/** Min/max-preserving downsampling of one series to at most `maxPoints` items, order kept. */
export function downsample<T>(items: readonly T[], maxPoints: number, value: (item: T) => number): T[] {
  return pickIndices([items.map(value)], maxPoints).map((i) => items[i]);
}

/** A column squeezed to `width` slots, each the mean of its values, `undefined` where a slot has none (a gap). */
export function bucketMeans(column: Column, width: number): (number | undefined)[] {
  if (column.length <= width) return [...column];
  return Array.from({ length: width }, (_, s) => {
    const from = Math.floor((s * column.length) / width);
    const to = Math.floor(((s + 1) * column.length) / width);
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = column[i];
      if (v !== undefined && Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    return count ? sum / count : undefined;
  });
}
