import { DAY_MS } from '../domain/time';
import type { AuditLog } from '../alerts/audit-log';
import type { IncidentRepository } from '../alerts/incident-repository';
import type { DeadLetterLog } from '../delivery/dead-letters';

/**
 * Audit entries, archived incidents and dead letters are kept this long: three times the 30 days `history` can show.
 */
export const RETENTION_DAYS = 90;

/**
 * The monitor's retention step: once a day per tenant (per process, so a restart may repeat it, harmlessly), deletes
 * the tenant's audit entries, archived incidents and dead letters older than `days`.
 */
export function dailyRetention(
  audit: Pick<AuditLog, 'prune'>,
  incidents: Pick<IncidentRepository, 'pruneArchive'>,
  deadLetters: Pick<DeadLetterLog, 'prune'>,
  days = RETENTION_DAYS,
): (tenantId: string, now: number) => Promise<void> {
  const prunedOn = new Map<string, number>();
  return async (tenantId, now) => {
    const day = Math.floor(now / DAY_MS);
    if (prunedOn.get(tenantId) === day) return;
    const before = new Date(now - days * DAY_MS);
    await audit.prune(tenantId, before);
    await incidents.pruneArchive(tenantId, before);
    await deadLetters.prune(tenantId, before);
    prunedOn.set(tenantId, day);
  };
}
