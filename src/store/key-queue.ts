const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `task` after every earlier task queued for the same `owner` and `key` has settled. Updates of one key
 * from one process then take turns locally instead of racing each other through the store's eTags; other
 * processes still race, and eTags still decide.
 */
export function serialized<R>(owner: object, key: string, task: () => Promise<R>): Promise<R> {
  let byKey = queues.get(owner);
  if (!byKey) queues.set(owner, (byKey = new Map()));
  const run = (byKey.get(key) ?? Promise.resolve()).then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  byKey.set(key, tail);
  void tail.then(() => {
    if (byKey.get(key) === tail) byKey.delete(key);
  });
  return run;
}
