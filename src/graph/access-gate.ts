import { SERVICES, metricsOfService } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import type { GraphMetricsClient } from './client';
import { currentBucketStart, intervalMs } from '../domain/buckets';
import type { MetricsApiError } from './errors';

/** What one user may read of one tenant, per service group: allowed, or the error Graph gave them. */
import type { Caller, GroupAccess } from './metrics-reader';

export type { GroupAccess };

const ALLOWED_TTL_MS = 60 * 60_000;
const DENIED_TTL_MS = 5 * 60_000;

/**
 * The cache is per tenant, but Graph checks each user's own permission and admin role. Before a user is served
 * cached data of a service group, they must have made a successful Graph call for that group themselves within the
 * hour: the gate probes once (one `$batch`, one small window per unverified group, with the user's own token) and
 * remembers the answer, so a non-admin never reads what an admin's call cached. 403s are remembered for 5 minutes.
 */
export class AccessGate {
  private readonly verdicts = new Map<string, { access: GroupAccess; until: number }>();

  constructor(
    private readonly client: GraphMetricsClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Access per service group for `caller`, probing (with the caller's own token) the groups not yet known. */
  async check(caller: Caller, groups: readonly ServiceGroup[] = SERVICES.map((s) => s.id)) {
    const { tenantId, userId } = caller;
    const now = this.now();
    const key = (g: ServiceGroup) => `${tenantId.toLowerCase()}|${userId.toLowerCase()}|${g}`;
    const unknown = groups.filter((g) => (this.verdicts.get(key(g))?.until ?? 0) <= now);
    if (unknown.length) {
      const end = new Date(currentBucketStart(now, 15));
      const window = { start: new Date(end.getTime() - intervalMs(15)), end, intervalMinutes: 15 as const };
      const results = await this.client.getMany(
        tenantId,
        unknown.map((g) => ({ fn: metricsOfService(g)[0].fn, window })),
        { token: caller.token },
      );
      unknown.forEach((g, i) => {
        const r = results[i];
        // Allowed: success, or an answer that proves the caller passed the permission check (no data, not eligible).
        const access: GroupAccess =
          r.ok || !blocksAccess(r.error) ? { allowed: true } : { allowed: false, error: r.error };
        // A throttled or failed probe proves nothing: deny this time, ask again next time.
        const ttl = access.allowed ? ALLOWED_TTL_MS : r.ok || !r.error.transient ? DENIED_TTL_MS : 0;
        this.verdicts.set(key(g), { access, until: now + ttl });
      });
    }
    return new Map(groups.map((g) => [g, this.verdicts.get(key(g))!.access] as const));
  }

  /** Forget a user's verdicts (sign-out). */
  forget(tenantId: string, userId: string): void {
    const prefix = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|`;
    for (const k of [...this.verdicts.keys()]) if (k.startsWith(prefix)) this.verdicts.delete(k);
  }
}

/** Errors that do not show the caller may read the group: denied, unauthenticated, or not answered at all. */
function blocksAccess(e: MetricsApiError): boolean {
  return e.kind !== 'NotAvailable' && e.kind !== 'InvalidRequest';
}
