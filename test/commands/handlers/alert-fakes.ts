import { createAlertStores, type AlertStores } from '../../../src/alerts/alert-stores';
import { signInRequired } from '../../../src/auth/sign-in-required';
import type { CommandContext, Reply } from '../../../src/commands/reply';
import type { CommandServices } from '../../../src/commands/services';
import type { GroupAccess } from '../../../src/graph/access-gate';
import type { ServiceGroup } from '../../../src/domain/catalog-types';
import type { MetricsApiError } from '../../../src/graph/errors';
import type { UserMetrics } from '../../../src/graph/user-metrics';
import type { KeyValueStore } from '../../../src/store/store';

export const NOW = new Date('2026-11-27T10:07:30Z');
export const TENANT = 'Contoso-Tenant';
export const CHANNEL = '19:m365-alerts@thread.tacv2';

/** A channel turn of Ana (Teams id `29:ana`, Entra object id `OID-ANA`). */
export function turn(over: Partial<CommandContext> = {}): CommandContext {
  return {
    tenantId: TENANT,
    user: { id: '29:ana', name: 'Ana Lopez', aadObjectId: 'OID-ANA' },
    conversation: { id: CHANNEL, scope: 'channel' },
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
    now: NOW,
    correlationId: 'corr-1',
    ...over,
  };
}

export interface FakeOptions {
  /** Groups Graph refuses this user, with the error it gave. */
  denied?: Partial<Record<ServiceGroup, MetricsApiError>>;
  signedIn?: boolean;
  /** Leave out the alert stores (a bot without a store). */
  noStores?: boolean;
}

/** Command services of a user: access decided per group, the alert stores on a real store. */
export function fakeServices(
  kv: KeyValueStore,
  opts: FakeOptions = {},
): CommandServices & { accessCalls: ServiceGroup[][]; stores: AlertStores } {
  const accessCalls: ServiceGroup[][] = [];
  const stores = createAlertStores(kv);
  const metrics = {
    async access(groups: readonly ServiceGroup[]): Promise<Map<ServiceGroup, GroupAccess>> {
      if (opts.signedIn === false) throw signInRequired({ tenantId: TENANT, oid: 'oid-ana' });
      accessCalls.push([...groups]);
      return new Map(
        groups.map((g) => {
          const error = opts.denied?.[g];
          return [g, error ? { allowed: false, error } : { allowed: true }] as const;
        }),
      );
    },
  } as unknown as UserMetrics;
  return {
    signInMode: 'sso',
    graphToken: async () => {
      if (opts.signedIn === false) throw signInRequired({ tenantId: TENANT, oid: 'oid-ana' });
      return 'token';
    },
    signOut: async () => undefined,
    metrics,
    ...(opts.noStores ? {} : { alerts: stores }),
    accessCalls,
    stores,
  };
}

/** Every text and button of a reply's card, for pattern assertions. */
export function cardText(reply: Reply): string {
  return JSON.stringify(reply.card ?? {});
}

/** The titles and values of a card's imBack buttons. */
export function buttons(reply: Reply): { title: string; value: string }[] {
  const actions = (reply.card?.actions ?? []) as { title: string; data?: { msteams?: { value?: string } } }[];
  return actions.map((a) => ({ title: a.title, value: a.data?.msteams?.value ?? '' }));
}

/** The card's title (first TextBlock). */
export function title(reply: Reply): string {
  return ((reply.card?.body ?? [])[0] as { text?: string })?.text ?? '';
}
