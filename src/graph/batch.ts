import { decideRetry, type AttemptOutcome, type RetryDeps, type RetryPolicy } from './retry';

/** Documented JSON batching limit: at most 20 requests per `$batch`. */
export const MAX_BATCH_SIZE = 20;
/** Items due within this many ms of each other are re-sent in the same batch. */
export const COALESCE_MS = 50;

/** Splits into consecutive chunks of at most `size` (39 items -> 20 + 19). */
export function chunk<T>(items: readonly T[], size = MAX_BATCH_SIZE): T[][] {
  if (size < 1) throw new RangeError('chunk size must be >= 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One item of a batch send: `index` into the caller's list, doubling as the batch request id. */
export interface BatchSlot {
  index: number;
}

/** Sends one chunk (≤ 20 items) and reports an outcome per item index; must not reject. */
export type SendChunk<T, E> = (
  items: BatchSlot[],
  remainingMs: number,
) => Promise<Map<number, AttemptOutcome<T, E>>>;

interface Pending {
  index: number;
  retries: number;
  dueAt: number;
}

/**
 * Runs `count` items through batches of ≤ 20 sent concurrently. An item that comes back retryable (429/503/504) is
 * re-sent after its own `Retry-After` (or jittered backoff), together with any other item due at about the same
 * time, for as long as the policy's attempts and time budget allow; every other item keeps its own result. Returns
 * the final outcome of each item, in input order.
 */
export async function runBatched<T, E>(
  count: number,
  send: SendChunk<T, E>,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<AttemptOutcome<T, E>[]> {
  const started = deps.now();
  const results: AttemptOutcome<T, E>[] = new Array(count);
  let pending: Pending[] = Array.from({ length: count }, (_, index) => ({
    index,
    retries: 0,
    dueAt: started,
  }));
  while (pending.length > 0) {
    const now = deps.now();
    const firstDue = Math.min(...pending.map((p) => p.dueAt));
    if (firstDue > now) {
      await deps.sleep(firstDue - now);
      continue;
    }
    const due = pending.filter((p) => p.dueAt <= firstDue + COALESCE_MS);
    pending = pending.filter((p) => p.dueAt > firstDue + COALESCE_MS);
    const remainingMs = policy.budgetMs - (now - started);
    const chunks = chunk(due);
    const outcomes = await Promise.all(
      chunks.map((c) =>
        send(
          c.map(({ index }) => ({ index })),
          remainingMs,
        ),
      ),
    );
    const after = deps.now();
    chunks.forEach((c, i) => {
      for (const item of c) {
        const outcome = outcomes[i].get(item.index);
        if (!outcome) throw new Error(`batch sender returned no outcome for item ${item.index}`);
        if (outcome.ok || !outcome.retryable) {
          results[item.index] = outcome;
          continue;
        }
        const decision = decideRetry(
          { retry: item.retries + 1, elapsedMs: after - started, retryAfterMs: outcome.retryAfterMs },
          policy,
          deps.random,
        );
        if (!decision.retry) results[item.index] = outcome;
        else pending.push({ index: item.index, retries: item.retries + 1, dueAt: after + decision.delayMs });
      }
    });
  }
  return results;
}
