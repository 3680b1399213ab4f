import type { KeyValueStore } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';

/** How long a successful probe proves access: a role removed in Entra stops working here within this time. */
export const PROOF_TTL_MS = 5 * 60_000;
/** How long a past proof still marks a user as one who proved access (for budget lanes only, never for access). */
export const KNOWN_TTL_MS = 24 * 60 * 60_000;

/** A user's proofs: per resource (a service group, or a service-health resource), when Graph last let them read it. */
interface ProofRecord {
  provenAt: Record<string, number>;
}

/** The store key of a user's proofs; tenant first, like every key. */
export function accessProofKey(tenantId: string, userId: string): string {
  return `access/${tenantId.toLowerCase()}/users/${userId.toLowerCase()}`;
}

/**
 * Per-user access proofs, shared by every instance through the store (SQLite, or the blob container several
 * instances use). A proof is written only after Graph answered a probe made with the user's own token, lasts
 * `PROOF_TTL_MS`, and is deleted at sign-out, so no instance keeps serving a user who signed out elsewhere: each
 * check reads the record afresh.
 */
export class AccessProofs {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** When each resource was last proven for the user (empty when never, or signed out since). */
  async read(tenantId: string, userId: string): Promise<Record<string, number>> {
    const k = accessProofKey(tenantId, userId);
    const item = (await this.store.read([k]))[k] as unknown as ProofRecord | undefined;
    return item?.provenAt ?? {};
  }

  /** Records that Graph just let the user read `resources`. */
  async record(tenantId: string, userId: string, resources: readonly string[]): Promise<void> {
    if (!resources.length) return;
    const at = this.now();
    await updateWithRetry<ProofRecord>(this.store, accessProofKey(tenantId, userId), (current) => {
      const provenAt = Object.fromEntries(
        Object.entries(current?.provenAt ?? {}).filter(([, t]) => t > at - KNOWN_TTL_MS),
      );
      for (const r of resources) provenAt[r] = at;
      return { provenAt };
    });
  }

  /** Drops every proof of the user (sign-out): the next check on any instance probes again with a fresh token. */
  async forget(tenantId: string, userId: string): Promise<void> {
    await this.store.delete([accessProofKey(tenantId, userId)]);
  }

  /** True when `provenAt` still proves access now. */
  proves(provenAt: number | undefined): boolean {
    return provenAt !== undefined && provenAt > this.now() - PROOF_TTL_MS && provenAt <= this.now();
  }

  /** True when the user proved access within a day: their probes draw on the user lane, not the probe lane. */
  known(provenAt: number | undefined): boolean {
    return provenAt !== undefined && provenAt > this.now() - KNOWN_TTL_MS;
  }
}
