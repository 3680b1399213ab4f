import { METRICS } from '../domain/catalog';
import type { Rule } from '../monitor/rules';

const CATALOG_ORDER = new Map(METRICS.map((m, i) => [m.fn, i]));

/**
 * Rules in the order `rules` lists them and `#n` counts: catalog order of the metric, the default before custom
 * rules, then by id. Numbers shift when rules are added or removed, so confirmations always name the rule's id.
 */
export function sortRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort(
    (a, b) =>
      (CATALOG_ORDER.get(a.fn) ?? Infinity) - (CATALOG_ORDER.get(b.fn) ?? Infinity) ||
      (a.source === b.source ? 0 : a.source === 'default' ? -1 : 1) ||
      a.threshold - b.threshold ||
      a.id.localeCompare(b.id),
  );
}

/** Which rule a command means: its number in the `rules` list (1-based), its id, or the rules on one metric. */
export type RuleRef = { by: 'index'; n: number } | { by: 'id'; id: string } | { by: 'metric'; fn: string };

/** The rules `ref` names among the tenant's rules (sorted as `rules` lists them): none, one, or several. */
export function findRules(sorted: readonly Rule[], ref: RuleRef): Rule[] {
  switch (ref.by) {
    case 'index':
      return sorted[ref.n - 1] ? [sorted[ref.n - 1]] : [];
    case 'id':
      return sorted.filter((r) => r.id === ref.id);
    case 'metric':
      return sorted.filter((r) => r.fn === ref.fn);
  }
}
