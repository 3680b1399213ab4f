/** Peak RSS and V8 heap of this process, sampled on a timer (the event loop yields often during a cycle). */
export class MemorySampler {
  peakRss = 0;
  /** V8 heap plus ArrayBuffers. */
  peakHeap = 0;
  private timer?: NodeJS.Timeout;

  start(everyMs = 25): void {
    this.reset();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Starts a new peak from the current usage. */
  reset(): void {
    this.peakRss = 0;
    this.peakHeap = 0;
    this.sample();
  }

  sample(): void {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed + m.arrayBuffers);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Memory still in use after a full GC (needs `--expose-gc`; undefined without it): V8 heap plus ArrayBuffers (the
 * series cache keeps its buckets in typed arrays, outside the heap): what the process keeps between cycles.
 */
export function retainedMemory(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
