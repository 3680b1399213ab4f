import { metricById } from '../../src/domain/catalog';
import type { Subscription } from '../../src/alerts/subscription';
import type { SubscriptionScope } from '../../src/monitor/rule-scope';

export const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
export const CHANNEL = '19:m365-alerts@thread.tacv2';
export const CHAT = 'a:1/odd;messageid=2';
export const NOW = new Date('2026-11-27T10:07:30Z');

/** The catalog function of a metric id (throws on a typo in a test). */
export function fnOf(metricId: string): string {
  const m = metricById(metricId);
  if (!m) throw new Error(`unknown metric ${metricId}`);
  return m.fn;
}

/** A subscription as `subscribe` would store it. */
export function subscription(
  scope: SubscriptionScope,
  conversationId = CHANNEL,
  createdAt = NOW.toISOString(),
  tenantId = TENANT,
): Subscription {
  return {
    id: `${conversationId}|${scope.kind}`,
    tenantId,
    conversationId,
    scope,
    createdBy: { id: '29:ana', name: 'Ana Lopez', oid: 'oid-ana' },
    createdAt,
  };
}
