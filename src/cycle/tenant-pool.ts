/**
 * Runs `task` for every item with at most `limit()` in flight, asking `limit()` again whenever one finishes, so the
 * level can change while the pool runs. A slow item holds up only its own slot. `task` must not throw.
 */
export function runPool<T>(
  items: readonly T[],
  limit: () => number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let inFlight = 0;
    const pump = (): void => {
      while (inFlight < Math.max(1, limit()) && next < items.length) {
        const item = items[next++];
        inFlight++;
        void task(item).finally(() => {
          inFlight--;
          pump();
        });
      }
      if (next >= items.length && inFlight === 0) resolve();
    };
    pump();
  });
}
