/** What one instance sees at the start of a lease round. */
export interface LeaseView {
  partitions: number;
  /** Live instances, this one included (so at least 1). */
  liveInstances: number;
  owned: ReadonlySet<number>;
  /** Partitions whose lease is free, expired or broken. */
  free: readonly number[];
}

/** What to do this round: give back `release`, then try `candidates` in order until `want` succeed. */
export interface LeasePlan {
  target: number;
  release: number[];
  want: number;
  candidates: number[];
}

/** Fair share: ceil(partitions / live instances), so the shares always cover every partition. */
export function fairShare(partitions: number, liveInstances: number): number {
  return Math.ceil(partitions / Math.max(1, liveInstances));
}

/**
 * One round of the rebalancing rule: above the fair share, release the excess (highest numbers first, so
 * the choice is stable); below it, acquire free partitions in random order (so instances racing for the
 * same free set mostly pick different ones). At or above target it never acquires, which makes the
 * distribution settle at shares that differ by at most one.
 */
export function planLeases(view: LeaseView, random: () => number = Math.random): LeasePlan {
  const target = fairShare(view.partitions, view.liveInstances);
  const mine = [...view.owned].sort((a, b) => a - b);
  const release = mine.length > target ? mine.slice(target) : [];
  const want = Math.max(0, target - mine.length);
  const candidates =
    want > 0
      ? shuffle(
          view.free.filter((p) => !view.owned.has(p)),
          random,
        )
      : [];
  return { target, release, want, candidates };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Heartbeats (instance id → server time of its last write) fresher than `staleMs` at `serverNow`, plus `self`. */
export function liveInstances(
  heartbeats: ReadonlyMap<string, number>,
  self: string,
  serverNow: number,
  staleMs: number,
): number {
  let live = 1;
  for (const [id, at] of heartbeats) if (id !== self && serverNow - at < staleMs) live++;
  return live;
}
