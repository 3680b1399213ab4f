import { metricByFn } from '../domain/catalog';
import type { AuditEntry } from '../monitor/audit';

/**
 * An audit entry as people read it in `history`: this conversation's id becomes "this conversation" and an incident
 * id (`tenant|rule|fn#n`) "the <metric> alert #n". Rule ids and other targets are kept.
 */
export function readableAuditEntry(entry: AuditEntry, conversationId: string): AuditEntry {
  if (entry.target === conversationId) return { ...entry, target: 'this conversation' };
  const incident = /^[^|]*\|[^|]+\|([^|#]+)#(\d+)$/.exec(entry.target);
  const metric = incident ? metricByFn(incident[1]) : undefined;
  return metric ? { ...entry, target: `the ${metric.name} alert #${incident![2]}` } : entry;
}
