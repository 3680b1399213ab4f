import { metricByFn, serviceById } from '../domain/catalog';
import { unmuteRule, type Rule } from '../monitor/rules';
import { describeRule } from '../monitor/rule-text';
import { type AdaptiveCard, text } from './adaptive-card';
import { commandButtons, fittedCard, subtle, titleBlock } from './list-card';
import { formatLocalTime } from './format';

export interface RulesView {
  /** The tenant's rules in `rules` order (`sortRules`): item n is `#n`. */
  rules: readonly Rule[];
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
}

/** The tenant's alert rules, numbered as `unwatch #n` counts them: id, metric, meaning, default or custom, mutes. */
export function buildRulesCard(view: RulesView): AdaptiveCard {
  const muted = view.rules.filter((r) => r.muted).length;
  const custom = view.rules.filter((r) => r.source === 'custom').length;
  const head = [
    titleBlock('Alert rules of your tenant'),
    text(
      view.rules.length
        ? `${view.rules.length} rules: ${view.rules.length - custom} default, ${custom} your own, ${muted} muted. ` +
            'They apply to every conversation subscribed to their metric.'
        : 'No rules yet. `subscribe` adds the default rules of the metrics it covers; `watch` adds your own.',
      { spacing: 'Small' },
    ),
  ];
  const items = view.rules.map((rule, i) => ruleItem(rule, i + 1, view));
  const foot = view.rules.length
    ? [
        subtle(
          '`unwatch #n` removes a rule of your own or mutes a default one; `watch #n` unmutes it. Numbers change as ' +
            'rules come and go, so check the id.',
          { spacing: 'Medium' },
        ),
      ]
    : [];
  return fittedCard(
    head,
    items,
    foot,
    commandButtons(view.rules.length ? ['subscriptions', 'alerts'] : ['subscribe all', 'help watch']),
    (left) => `and ${left} more rules (the card has no room for them)`,
  );
}

function ruleItem(rule: Rule, n: number, view: RulesView): object[] {
  const metric = metricByFn(rule.fn);
  const service = metric ? (serviceById(metric.service)?.name ?? metric.service) : '';
  const when = (iso: string) => formatLocalTime(Date.parse(iso), view.now, view.timeZone, view.locale);
  const origin =
    rule.source === 'default'
      ? 'Default from the catalog'
      : `Your own · by ${rule.createdBy.name} · ${when(rule.createdAt)}`;
  const mute = rule.muted
    ? [
        text(`🔇 Muted by ${rule.muted.by.name} · ${when(rule.muted.at)}`, {
          color: 'Warning',
          size: 'Small',
          spacing: 'None',
        }),
      ]
    : [];
  return [
    text(`**#${n}** · \`${rule.id}\`${service ? ` · ${service}` : ''}`, { spacing: 'Medium' }),
    text(describeRule(unmuteRule(rule)), { spacing: 'None' }),
    subtle(origin),
    ...mute,
  ];
}
