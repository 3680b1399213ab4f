import type { MetricsApiError } from '../errors';
import type { ServiceHealthClient } from './health-client';
import type { HealthResource } from './health-errors';
import { ANNOUNCEMENT_ROOT } from './health-paths';
import type { Caller } from '../metrics-reader';

const ALLOWED_TTL_MS = 60 * 60_000;
const DENIED_TTL_MS = 5 * 60_000;

/** A user's verdict for one resource: allowed, or the error Graph gave them. */
export type HealthAccessVerdict = { allowed: true } | { allowed: false; error: MetricsApiError };

/**
 * Service health is cached per tenant, but Graph checks each user's permission and admin role. Before a user is
 * served cached data, one small read with their own token (`$top=1`) must have succeeded within the hour; a
 * denial is remembered for 5 minutes, a transient failure not at all. The same rule as the telemetry's AccessGate.
 */
export class HealthAccess {
  private readonly verdicts = new Map<string, { verdict: HealthAccessVerdict; until: number }>();

  constructor(
    private readonly client: ServiceHealthClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller's verdict, probing with the caller's own token when not known. */
  async check(caller: Caller, resource: HealthResource): Promise<HealthAccessVerdict> {
    const { tenantId, userId } = caller;
    const key = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|${resource}`;
    const now = this.now();
    const known = this.verdicts.get(key);
    if (known && known.until > now) return known.verdict;
    const collection = resource === 'health' ? 'issues' : 'messages';
    try {
      await this.client.getOne(
        tenantId,
        { resource, path: `${ANNOUNCEMENT_ROOT}/${collection}?$top=1` },
        { token: caller.token },
      );
      const verdict: HealthAccessVerdict = { allowed: true };
      this.verdicts.set(key, { verdict, until: now + ALLOWED_TTL_MS });
      return verdict;
    } catch (e) {
      const error = e as MetricsApiError;
      const verdict: HealthAccessVerdict = { allowed: false, error };
      this.verdicts.set(key, { verdict, until: now + (error.transient ? 0 : DENIED_TTL_MS) });
      return verdict;
    }
  }

  /** Forget a user's verdicts (sign-out). */
  forget(tenantId: string, userId: string): void {
    const prefix = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|`;
    for (const k of [...this.verdicts.keys()]) if (k.startsWith(prefix)) this.verdicts.delete(k);
  }
}
