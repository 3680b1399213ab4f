import { ETagConflictError, type KeyValueStore, type StoreItem } from './store';

/** Who holds a claim and until when (epoch ms, by the claimer's clock). */
export interface Claim {
  owner: string;
  claimedAt: number;
  expiresAt: number;
}

export interface ClaimResult {
  /** True for exactly one of any set of concurrent claimers of a free or expired claim. */
  won: boolean;
  /** The claim as stored after this call: ours when `won`, the current holder's otherwise. */
  claim: Claim;
}

export interface ClaimOptions {
  now?: () => number;
}

/** A claim is deleted on release only while it has this long left, so a slow delete never removes a new holder's. */
const REMOVE_MARGIN_MS = 5_000;

/** How often a claim re-reads after losing a write race to a claim that has since vanished or expired. */
const ATTEMPTS = 3;

/**
 * Exactly-once gate (the alert outbox uses it before each send attempt): takes `key` for `owner` for `ttlMs` when
 * it is missing or expired. A claim that is held is never taken again, not even by its own owner: two attempts of
 * one process are two claimers (the holder extends its claim with `renewClaim`). Every write is eTag-guarded
 * (create-only when missing), so two claimers can never both win, on SQLite and Blob alike. Expiry compares wall
 * clocks of different instances: keep `ttlMs` well above their skew. Other fields stored under `key` are kept.
 */
export async function claim(
  store: KeyValueStore,
  key: string,
  owner: string,
  ttlMs: number,
  options: ClaimOptions = {},
): Promise<ClaimResult> {
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    const stored = (await store.read([key]))[key];
    const at = now();
    const held = stored ? claimOf(stored) : undefined;
    if (held && held.expiresAt > at) return { won: false, claim: held };
    const mine: Claim = { owner, claimedAt: at, expiresAt: at + ttlMs };
    try {
      if (stored) await store.write({ [key]: { ...stored, ...mine } });
      else await store.write({ [key]: { ...mine } }, { createOnly: true });
      return { won: true, claim: mine };
    } catch (e) {
      // Lost the race: the next read sees the winner and returns `won: false`.
      if (!(e instanceof ETagConflictError) || attempt >= ATTEMPTS) throw e;
    }
  }
}

/**
 * Extends `owner`'s claim on `key` to `ttlMs` from now (guarded like `claim`); false when it is no longer
 * `owner`'s (expired and taken, or released).
 */
export async function renewClaim(
  store: KeyValueStore,
  key: string,
  owner: string,
  ttlMs: number,
  options: ClaimOptions = {},
): Promise<boolean> {
  const stored = (await store.read([key]))[key];
  if (!stored || claimOf(stored).owner !== owner) return false;
  try {
    await store.write({ [key]: { ...stored, expiresAt: (options.now ?? Date.now)() + ttlMs } });
    return true;
  } catch (e) {
    if (e instanceof ETagConflictError) return false;
    throw e;
  }
}

/**
 * Gives `key` up early if `owner` still holds it (guarded like `claim`); false when someone else does. With
 * `remove`, a claim that is still valid is deleted instead (nobody else can take it before it expires, so nothing
 * is lost), which keeps claims on ever-new keys from piling up; `now` is the clock `claim` was given.
 */
export async function releaseClaim(
  store: KeyValueStore,
  key: string,
  owner: string,
  options: ClaimOptions & { remove?: boolean } = {},
): Promise<boolean> {
  const stored = (await store.read([key]))[key];
  if (!stored || claimOf(stored).owner !== owner) return false;
  if (options.remove && claimOf(stored).expiresAt > (options.now ?? Date.now)() + REMOVE_MARGIN_MS) {
    await store.delete([key]);
    return true;
  }
  try {
    await store.write({ [key]: { ...stored, expiresAt: 0 } });
    return true;
  } catch (e) {
    if (e instanceof ETagConflictError) return false;
    throw e;
  }
}

function claimOf(item: StoreItem): Claim {
  return {
    owner: String(item.owner ?? ''),
    claimedAt: Number(item.claimedAt ?? 0),
    expiresAt: Number(item.expiresAt ?? 0),
  };
}
