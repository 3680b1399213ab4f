import type { AlertStores } from '../alerts/alert-stores';
import { microsoftIssuesOf, readerOfSubscription, type Subscription } from '../alerts/subscription';
import { parseQuietHours } from '../monitor/quiet-hours';
import type { MonitorConfigSource, WatchedConversation } from './types';

/** The monitor's view of what admins configured with `subscribe`, `watch`, `quiet` and `digest`. */
export function configFromStores(stores: AlertStores): MonitorConfigSource {
  return {
    tenants: (partitions) => stores.subscriptions.tenantsIn(partitions),
    subscriptions: async (tenantId) => (await stores.subscriptions.inTenant(tenantId)).map(watched),
    rules: (tenantId) => stores.rules.list(tenantId),
    setDigestSent: async (sub, at) => {
      await stores.subscriptions.update(
        { tenantId: sub.tenantId, conversationId: sub.conversationId, scope: sub.scope },
        (current) =>
          current.digest ? { ...current, digest: { ...current.digest, lastSentAt: at } } : current,
      );
    },
    setPaused: async (sub, paused) => {
      await stores.subscriptions.update(
        { tenantId: sub.tenantId, conversationId: sub.conversationId, scope: sub.scope },
        (current) => {
          const next: Subscription = { ...current };
          if (paused) next.paused = { ...paused, notified: true };
          else delete next.paused;
          return next;
        },
      );
    },
  };
}

function watched(s: Subscription): WatchedConversation {
  const quiet = s.quiet ? parseQuietHours(`${s.quiet.from}-${s.quiet.to}`, s.quiet.timeZone) : undefined;
  return {
    id: s.id,
    tenantId: s.tenantId,
    conversationId: s.conversationId,
    scope: s.scope,
    admin: { tenantId: s.tenantId, oid: s.createdBy.oid, name: s.createdBy.name },
    quiet: quiet?.ok ? quiet.quiet : undefined,
    paused: s.paused,
    digest: s.digest && { ...s.digest, since: s.createdAt },
    ...readerOfSubscription(s),
    microsoft: microsoftIssuesOf(s),
  };
}
