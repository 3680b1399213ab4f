/** Peak RSS and V8 heap of this process, sampled on a timer (the event loop yields often during a cycle). */
export class MemorySampler {
  peakRss = 0;
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
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Heap still in use after a full GC (needs `--expose-gc`; undefined without it): what the process keeps. */
export function retainedHeap(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  return process.memoryUsage().heapUsed;
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
