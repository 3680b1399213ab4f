import { partitionOf } from '../store/partitions/partition-of';
import type { KeyValueStore } from '../store/store';
import { subscriptionIndexKey, subscriptionIndexPrefix, subscriptionKey } from './store-keys';
import { scopeKey, type Subscription } from './subscription';

type Keyed = Pick<Subscription, 'tenantId' | 'conversationId' | 'scope'>;

const SUBSCRIPTIONS = 'subscriptions/';

/**
 * The per-partition index of subscriptions: for each one an entry `subscription-index/<K>/<partition>/<rest>`
 * where `subscriptions/<rest>` is its key (tenant first), so the monitor of an instance lists the keys of the
 * partitions it holds instead of every subscription, and downloads nothing for it. `SubscriptionStore` keeps it in
 * step: the entry is written before the subscription and checked again after it, and deleted after the
 * subscription and put back if the subscription came back meanwhile, so whatever the interleaving of an add and a
 * remove, a stored subscription always has its entry. An entry without its subscription (a crash between the two
 * writes) costs one empty listing and is dropped by the next `rebuild`.
 */
export class SubscriptionIndex {
  private readonly root: string;

  constructor(
    private readonly store: KeyValueStore,
    readonly partitions: number,
  ) {
    this.root = `subscription-index/${partitions}/`;
  }

  /** The entry's key for a subscription key `subscriptions/<tenant>/…`. */
  entryOf(key: string): string {
    const tenant = tenantOfKey(key.slice(SUBSCRIPTIONS.length));
    return subscriptionIndexKey(this.partitions, partitionOf(tenant, this.partitions), key);
  }

  keyOf(s: Keyed): string {
    return this.entryOf(subscriptionKey(s.tenantId, s.conversationId, scopeKey(s.scope)));
  }

  async put(s: Keyed): Promise<void> {
    await this.store.write({ [this.keyOf(s)]: { tenantId: s.tenantId.toLowerCase() } });
  }

  /** Writes the entry if it is missing (after the subscription was written). */
  async ensure(s: Keyed): Promise<void> {
    const key = this.keyOf(s);
    if (!(await this.store.read([key]))[key]) await this.put(s);
  }

  async remove(s: Keyed): Promise<void> {
    await this.store.delete([this.keyOf(s)]);
  }

  /** Tenants (lower case) with at least one indexed subscription in `partitions`; one key listing per partition. */
  async tenantsIn(partitions: Iterable<number>): Promise<string[]> {
    const listings = await Promise.all(
      [...partitions].map(async (p) => {
        const prefix = subscriptionIndexPrefix(this.partitions, p);
        return (await this.keys(prefix)).map((k) => tenantOfKey(k.slice(prefix.length)));
      }),
    );
    return [...new Set(listings.flat())];
  }

  /**
   * Brings the index in line with the stored subscriptions, from two key listings (nothing downloaded): writes the
   * entries that are missing (subscriptions stored before the index existed, or by an older version) and drops
   * entries without a subscription.
   */
  async rebuild(): Promise<{ added: number; dropped: number }> {
    const [subscriptions, entries] = await Promise.all([this.keys(SUBSCRIPTIONS), this.keys(this.root)]);
    const indexed = new Set(entries);
    const wanted = new Map(subscriptions.map((k) => [this.entryOf(k), k]));
    const missing = [...wanted].filter(([e]) => !indexed.has(e));
    for (const [entry, key] of missing) await this.writeEntry(entry, key);
    const stale = entries.filter((e) => !wanted.has(e));
    for (const entry of stale) {
      await this.store.delete([entry]);
      // An add between the listing and now wrote its entry before its subscription: put it back if so.
      const key = `${SUBSCRIPTIONS}${entry.slice(this.root.length).replace(/^\d+\//, '')}`;
      if ((await this.store.read([key]))[key]) await this.writeEntry(entry, key);
    }
    return { added: missing.length, dropped: stale.length };
  }

  private async writeEntry(entry: string, key: string): Promise<void> {
    await this.store.write({ [entry]: { tenantId: tenantOfKey(key.slice(SUBSCRIPTIONS.length)) } });
  }

  private async keys(prefix: string): Promise<string[]> {
    if (this.store.listKeys) return this.store.listKeys(prefix);
    return Object.keys(await this.store.list(prefix));
  }
}

/** The tenant (lower case) of `<encoded tenant>/…`, the tail of a subscription or index key. */
function tenantOfKey(rest: string): string {
  return decodeURIComponent(rest.slice(0, rest.indexOf('/'))).toLowerCase();
}
