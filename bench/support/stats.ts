/** Summary of timings in ms. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  p90: number;
  runs: number;
}

/** Median, min, max and nearest-rank p90 of a non-empty sample. */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, min: s[0], max: s[s.length - 1], p90: at(0.9), runs: s.length };
}

/** Runs `fn` `runs` times in sequence and returns the wall time of each run in ms. */
export async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** `123.4 ms`, or `0.84 ms` below 10 ms. */
export function ms(v: number): string {
  return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
}

/** Runs each of `fns` once per round, `runs` rounds, and returns each one's wall times in ms. */
export async function roundRobin(
  runs: number,
  fns: readonly (() => Promise<unknown>)[],
): Promise<number[][]> {
  const out = fns.map((): number[] => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      out[i].push(performance.now() - t0);
    }
  }
  return out;
}
