import { SERVICES, metricsOfService } from '../domain/catalog';
import type { ServiceGroup } from '../domain/catalog-types';
import { currentBucketStart, intervalMs } from '../domain/buckets';
import type { KeyValueStore } from '../store/store';
import { AccessProofs } from './access-proofs';
import type { GraphMetricsClient } from './client';
import { budgetExhaustedError } from './error-mapping';
import type { Caller, GroupAccess } from './metrics-reader';
import { ProbeLimit } from './probe-limit';

export type { GroupAccess };

/** How long a 403 (Graph proved the user may not read a group) is remembered on this instance. */
const DENIED_TTL_MS = 5 * 60_000;

/**
 * The cache is per tenant, but Graph checks each user's own permission and admin role. A user is served data of a
 * service group, or may act on its alerts, only with a proof: a successful Graph call for that group made with
 * their own token within the last 5 minutes (`AccessProofs`, in the shared store, dropped at sign-out on every
 * instance). Only a success proves access. A 403 proves a denial (remembered 5 minutes on this instance); anything
 * else (no or expired sign-in, 404, 400, throttling, network) proves nothing: the group is not allowed this time
 * and asked again next time. Probes are one `$batch` (one small window per unproven group), rate-limited per user,
 * and draw on the budget's probe lane unless the user proved access within the day.
 */
export class AccessGate {
  private readonly denied = new Map<string, { access: GroupAccess; until: number }>();
  private readonly proofs: AccessProofs;
  private readonly probes: ProbeLimit;

  constructor(
    private readonly client: GraphMetricsClient,
    store: KeyValueStore,
    private readonly now: () => number = Date.now,
    opts: { probeLimit?: ProbeLimit } = {},
  ) {
    this.proofs = new AccessProofs(store, now);
    this.probes = opts.probeLimit ?? new ProbeLimit(now);
  }

  /** Access per service group for `caller`, probing (with the caller's own token) the groups not proven. */
  async check(
    caller: Caller,
    groups: readonly ServiceGroup[] = SERVICES.map((s) => s.id),
  ): Promise<Map<ServiceGroup, GroupAccess>> {
    const { tenantId, userId } = caller;
    const now = this.now();
    const user = `${tenantId.toLowerCase()}|${userId.toLowerCase()}`;
    const provenAt = await this.proofs.read(tenantId, userId);
    const out = new Map<ServiceGroup, GroupAccess>();
    const unknown: ServiceGroup[] = [];
    for (const g of groups) {
      const denial = this.denied.get(`${user}|${g}`);
      if (this.proofs.proves(provenAt[g])) out.set(g, { allowed: true });
      else if (denial && denial.until > now) out.set(g, denial.access);
      else unknown.push(g);
    }
    if (!unknown.length) return out;
    const fns = unknown.map((g) => metricsOfService(g)[0].fn);
    const slot = this.probes.tryProbe(user);
    if (!slot.ok) {
      unknown.forEach((g, i) =>
        out.set(g, { allowed: false, error: budgetExhaustedError(tenantId, fns[i], slot.retryAt) }),
      );
      return sorted(groups, out);
    }
    const end = new Date(currentBucketStart(now, 15));
    const window = { start: new Date(end.getTime() - intervalMs(15)), end, intervalMinutes: 15 as const };
    const lane = unknown.every((g) => this.proofs.known(provenAt[g])) ? 'user' : 'probe';
    const results = await this.client.getMany(
      tenantId,
      fns.map((fn) => ({ fn, window })),
      { token: caller.token, lane },
    );
    const proven: ServiceGroup[] = [];
    unknown.forEach((g, i) => {
      const r = results[i];
      if (r.ok) {
        proven.push(g);
        out.set(g, { allowed: true });
        return;
      }
      const access: GroupAccess = { allowed: false, error: r.error };
      out.set(g, access);
      if (r.error.kind === 'MissingPermission')
        this.denied.set(`${user}|${g}`, { access, until: now + DENIED_TTL_MS });
    });
    await this.proofs.record(tenantId, userId, proven);
    return sorted(groups, out);
  }

  /** Forgets a user's proofs in the shared store and denials here (sign-out): every instance probes again. */
  async forget(tenantId: string, userId: string): Promise<void> {
    const prefix = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|`;
    for (const k of [...this.denied.keys()]) if (k.startsWith(prefix)) this.denied.delete(k);
    await this.proofs.forget(tenantId, userId);
  }
}

function sorted(groups: readonly ServiceGroup[], m: Map<ServiceGroup, GroupAccess>) {
  return new Map(groups.map((g) => [g, m.get(g)!] as const));
}
