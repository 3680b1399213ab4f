import type { Actor } from '../monitor/actor';
import { defaultRulesFor, muteRule, unmuteRule, type Rule, type RuleOrigin } from '../monitor/rules';
import type { KeyValueStore, StoreItem } from '../store/store';
import { updateWithRetry } from '../store/update-with-retry';
import { sortRules } from './rule-order';
import { ruleKey, rulePrefix } from './store-keys';

/** What `put` did: the rule now stored and the one it replaced (same id), if any. */
export interface PutResult {
  rule: Rule;
  previous?: Rule;
}

/**
 * The alert rules of each tenant, one item per rule (`rules/<tenant>/<rule id>`). A tenant has one rule set,
 * shared by all its subscriptions: a rule alerts in every conversation whose subscription covers its metric.
 */
export class RuleStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The tenant's rules in `rules` order (see `sortRules`). */
  async list(tenantId: string): Promise<Rule[]> {
    const items = await this.store.list(rulePrefix(tenantId));
    return sortRules(
      Object.values(items)
        .map(asRule)
        .filter((r): r is Rule => r !== undefined),
    );
  }

  async get(tenantId: string, id: string): Promise<Rule | undefined> {
    const key = ruleKey(tenantId, id);
    return asRule((await this.store.read([key]))[key]);
  }

  /**
   * Adds the catalog default rule of each function unless the tenant already has a rule of that kind on it (its
   * default, muted or not, or a custom rule such as `drop 30%` that replaces `drop 50%`). Resolves to the rules added.
   */
  async ensureDefaults(tenantId: string, fns: readonly string[], origin: RuleOrigin): Promise<Rule[]> {
    const existing = await this.list(tenantId);
    const has = new Set(existing.map((r) => `${r.fn}|${r.kind}`));
    const wanted = defaultRulesFor(fns, { ...origin, tenantId }).filter((r) => !has.has(`${r.fn}|${r.kind}`));
    const added: Rule[] = [];
    for (const rule of wanted) {
      let created = false;
      await updateWithRetry<Rule>(this.store, ruleKey(tenantId, rule.id), (current) => {
        created = !current;
        return current ? undefined : rule;
      });
      if (created) added.push(rule);
    }
    return added;
  }

  /** Stores a rule, replacing the rule with the same id (same words, same rule). */
  async put(rule: Rule): Promise<PutResult> {
    let previous: Rule | undefined;
    await updateWithRetry<Rule>(this.store, ruleKey(rule.tenantId, rule.id), (current) => {
      previous = current;
      return rule;
    });
    return previous ? { rule, previous } : { rule };
  }

  /** Deletes a rule; resolves to what was deleted, or undefined when there was none. */
  async remove(tenantId: string, id: string): Promise<Rule | undefined> {
    const existing = await this.get(tenantId, id);
    if (existing) await this.store.delete([ruleKey(tenantId, id)]);
    return existing;
  }

  /** Mutes a rule (an already muted rule keeps its first mute); undefined when there is no such rule. */
  async mute(tenantId: string, id: string, by: Actor, at: string): Promise<Rule | undefined> {
    return this.change(tenantId, id, (r) => muteRule(r, by, at));
  }

  /** Unmutes a rule; undefined when there is no such rule. */
  async unmute(tenantId: string, id: string): Promise<Rule | undefined> {
    return this.change(tenantId, id, (r) => (r.muted ? unmuteRule(r) : r));
  }

  private change(tenantId: string, id: string, mutate: (r: Rule) => Rule): Promise<Rule | undefined> {
    return updateWithRetry<Rule>(this.store, ruleKey(tenantId, id), (current) =>
      current ? mutate(current) : undefined,
    );
  }
}

const KINDS = new Set(['below', 'above', 'drop', 'rise']);

function asRule(item: StoreItem | undefined): Rule | undefined {
  if (!item) return undefined;
  const { eTag: _eTag, ...rest } = item;
  const r = rest as unknown as Rule;
  const ok =
    typeof r.id === 'string' &&
    typeof r.fn === 'string' &&
    KINDS.has(r.kind) &&
    typeof r.threshold === 'number' &&
    typeof r.forBuckets === 'number' &&
    (r.source === 'default' || r.source === 'custom');
  return ok ? r : undefined;
}
