import type { SubscriptionScope } from '../monitor/rule-scope';
import type { KeyValueStore, StoreItem, StoreItems } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';
import { subscriptionConversationPrefix, subscriptionKey, subscriptionTenantPrefix } from './store-keys';
import { scopeKey, type Subscription } from './subscription';
import { SubscriptionIndex } from './subscription-index';
import { DEFAULT_PARTITIONS } from '../store/partitions/partition-of';

/** What `add` did: the subscription now stored, and whether this call created it. */
export interface AddResult {
  subscription: Subscription;
  created: boolean;
}

/**
 * Alert subscriptions in the key-value store, one item per conversation and scope. Every read-modify-write goes
 * through `updateWithRetry`, so two admins changing one conversation at once never lose each other's change.
 */
export class SubscriptionStore {
  /** One entry per subscription under its tenant's partition, so an instance lists only its partitions. */
  readonly index: SubscriptionIndex;
  /** The index brought in line with every stored subscription, once per process (older stores have none). */
  private indexed?: Promise<unknown>;

  /** @param partitions K, `MONITOR_PARTITIONS`: the same on every instance. */
  constructor(
    private readonly store: KeyValueStore,
    partitions: number = DEFAULT_PARTITIONS,
  ) {
    this.index = new SubscriptionIndex(store, partitions);
  }

  /** The subscription with its store key's parts, built the way `add` stores it. */
  static keyOf(s: Pick<Subscription, 'tenantId' | 'conversationId' | 'scope'>): string {
    return subscriptionKey(s.tenantId, s.conversationId, scopeKey(s.scope));
  }

  async get(
    tenantId: string,
    conversationId: string,
    scope: SubscriptionScope,
  ): Promise<Subscription | undefined> {
    const key = subscriptionKey(tenantId, conversationId, scopeKey(scope));
    return asSubscription((await this.store.read([key]))[key]);
  }

  /** Stores `subscription` unless the conversation already has one for that scope (which is then returned). */
  async add(subscription: Subscription): Promise<AddResult> {
    let created = false;
    await this.index.put(subscription);
    const stored = await updateWithRetry<Subscription>(
      this.store,
      SubscriptionStore.keyOf(subscription),
      (current) => {
        created = !current;
        return current ? undefined : subscription;
      },
    );
    // A remove of the same key may have run between the two writes and deleted the entry.
    await this.index.ensure(subscription);
    return { subscription: stored ?? subscription, created };
  }

  /** Deletes one subscription; resolves to what was deleted, or undefined when there was none. */
  async remove(
    tenantId: string,
    conversationId: string,
    scope: SubscriptionScope,
  ): Promise<Subscription | undefined> {
    const existing = await this.get(tenantId, conversationId, scope);
    if (!existing) return undefined;
    await this.store.delete([subscriptionKey(tenantId, conversationId, scopeKey(scope))]);
    await this.index.remove(existing);
    // An add of the same key may have run meanwhile: its subscription needs its entry back.
    if (await this.get(tenantId, conversationId, scope)) await this.index.put(existing);
    return existing;
  }

  /** Re-reads and rewrites one subscription with `mutate` (pure; may run several times); missing stays missing. */
  async update(
    subscription: Pick<Subscription, 'tenantId' | 'conversationId' | 'scope'>,
    mutate: (current: Subscription) => Subscription,
  ): Promise<Subscription | undefined> {
    return updateWithRetry<Subscription>(this.store, SubscriptionStore.keyOf(subscription), (current) =>
      current ? mutate(current) : undefined,
    );
  }

  /** Applies `mutate` to every subscription of one conversation; resolves to them as now stored. */
  async updateConversation(
    tenantId: string,
    conversationId: string,
    mutate: (current: Subscription) => Subscription,
  ): Promise<Subscription[]> {
    const updated: Subscription[] = [];
    for (const s of await this.inConversation(tenantId, conversationId)) {
      const next = await this.update(s, mutate);
      if (next) updated.push(next);
    }
    return updated;
  }

  /** The subscriptions of one conversation, oldest first. */
  async inConversation(tenantId: string, conversationId: string): Promise<Subscription[]> {
    return listed(await this.store.list(subscriptionConversationPrefix(tenantId, conversationId)));
  }

  /** Every subscription of one tenant (all its conversations), oldest first. */
  async inTenant(tenantId: string): Promise<Subscription[]> {
    return listed(await this.store.list(subscriptionTenantPrefix(tenantId)));
  }

  /** Every subscription of every tenant, oldest first (one listing of them all). */
  async all(): Promise<Subscription[]> {
    return listed(await this.store.list('subscriptions/'));
  }

  /**
   * Tenants (lower case) with a subscription in one of `partitions`: one listing of the index per partition. The
   * first call of a process first indexes subscriptions stored without an entry (one key listing of them all).
   */
  async tenantsIn(partitions: Iterable<number>): Promise<string[]> {
    this.indexed ??= this.index.rebuild().catch((e: unknown) => {
      this.indexed = undefined;
      throw e;
    });
    await this.indexed;
    return this.index.tenantsIn(partitions);
  }
}

function listed(items: StoreItems): Subscription[] {
  return Object.values(items)
    .map(asSubscription)
    .filter((s): s is Subscription => s !== undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const SCOPE_KINDS = new Set(['all', 'service', 'metric']);

/** A stored item as a subscription, without its eTag; undefined for anything that is not one. */
function asSubscription(item: StoreItem | undefined): Subscription | undefined {
  if (!item) return undefined;
  const { eTag: _eTag, ...rest } = item;
  const s = rest as unknown as Subscription;
  const ok =
    typeof s.id === 'string' &&
    typeof s.tenantId === 'string' &&
    typeof s.conversationId === 'string' &&
    typeof s.createdAt === 'string' &&
    typeof s.scope === 'object' &&
    s.scope !== null &&
    SCOPE_KINDS.has(s.scope.kind);
  return ok ? s : undefined;
}
