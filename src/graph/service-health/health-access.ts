import type { MetricsApiError } from '../errors';
import type { ServiceHealthClient } from './health-client';
import type { HealthResource } from './health-errors';
import { ANNOUNCEMENT_ROOT } from './health-paths';
import type { Caller } from '../metrics-reader';

import type { AccessProofs } from '../access-proofs';

const DENIED_TTL_MS = 5 * 60_000;

/** A user's verdict for one resource: allowed, or the error Graph gave them. */
export type HealthAccessVerdict = { allowed: true } | { allowed: false; error: MetricsApiError };

/**
 * Service health is cached per tenant, but Graph checks each user's permission and admin role. Before a user is
 * served cached data, one small read with their own token (`$top=1`) must have succeeded within 5 minutes (a proof
 * in the shared store, dropped at sign-out on every instance); a 403 is remembered for 5 minutes on this instance,
 * any other failure not at all. The same rule as the telemetry's AccessGate.
 */
export class HealthAccess {
  private readonly verdicts = new Map<string, { verdict: HealthAccessVerdict; until: number }>();

  constructor(
    private readonly client: ServiceHealthClient,
    private readonly proofs: AccessProofs,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller's verdict, probing with the caller's own token when not known. */
  async check(caller: Caller, resource: HealthResource): Promise<HealthAccessVerdict> {
    const { tenantId, userId } = caller;
    const key = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|${resource}`;
    const now = this.now();
    const proof = `health:${resource}`;
    if (this.proofs.proves((await this.proofs.read(tenantId, userId))[proof])) return { allowed: true };
    const known = this.verdicts.get(key);
    if (known && known.until > now) return known.verdict;
    const collection = resource === 'health' ? 'issues' : 'messages';
    try {
      await this.client.getOne(
        tenantId,
        { resource, path: `${ANNOUNCEMENT_ROOT}/${collection}?$top=1` },
        { token: caller.token },
      );
      this.verdicts.delete(key);
      await this.proofs.record(tenantId, userId, [proof]);
      return { allowed: true };
    } catch (e) {
      const error = e as MetricsApiError;
      const verdict: HealthAccessVerdict = { allowed: false, error };
      if (error.kind === 'MissingPermission') this.verdicts.set(key, { verdict, until: now + DENIED_TTL_MS });
      return verdict;
    }
  }

  /** Forget a user's denials here (sign-out); their proofs go with the AccessGate's `forget` (one record). */
  forget(tenantId: string, userId: string): void {
    const prefix = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|`;
    for (const k of [...this.verdicts.keys()]) if (k.startsWith(prefix)) this.verdicts.delete(k);
  }
}
