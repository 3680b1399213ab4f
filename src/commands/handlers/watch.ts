import { groupsOfRule, ruleMetricName } from '../../alerts/rule-groups';
import type { WatchRequest } from '../../alerts/alert-command';
import { actorOf } from '../../alerts/alert-actor';
import type { AlertStores } from '../../alerts/alert-stores';
import { watchCommandFor } from '../../alerts/rule-commands';
import { covers } from '../../alerts/subscription';
import { metricByFn } from '../../domain/catalog';
import { describeRule } from '../../monitor/rule-text';
import { customRule, type Rule } from '../../monitor/rules';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { adminDenial } from './admin-gate';
import { changedReply, placeOf, recordChange, unchangedReply } from './alert-change';
import { withAlertStores } from './alert-services';

/** `watch <metric> <condition>`: admins of the metric's group add (or change) a custom rule for the tenant. */
export function handleWatch(
  request: WatchRequest,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    const checked = customRule({
      tenantId: ctx.tenantId,
      createdBy: actorOf(ctx.user),
      createdAt: ctx.now.toISOString(),
      fn: request.fn,
      kind: request.kind,
      threshold: request.threshold,
      forBuckets: request.forBuckets,
      thresholdIsPercent: request.percent,
    });
    if (!checked.ok) return unchangedReply('Not a valid rule', checked.error, ['rules']);
    const rule = checked.rule;
    const denied = await adminDenial(groupsOfRule(rule), services, watchCommandFor(rule));
    if (denied) return denied;
    const before = await stores.rules.get(ctx.tenantId, rule.id);
    if (before && sameCondition(before, rule) && !before.muted)
      return unchangedReply(
        'Already watching',
        `Rule \`${rule.id}\` already does this: ${describeRule(before)}.`,
        ['rules'],
      );
    await stores.rules.put(rule);
    await recordChange(stores, ctx, before ? 'rule-update' : 'rule-create', rule.id, describeRule(rule));
    return changedReply(
      before ? 'Rule changed' : 'Rule added',
      `\`${rule.id}\`: ${describeRule(rule)}. It alerts in every conversation of your tenant subscribed to ` +
        `${ruleMetricName(rule)}.${await coverageNote(stores, rule, ctx)}${await defaultNote(stores, rule, ctx)}`,
      [`unwatch ${rule.id}`],
      ['rules'],
    );
  });
}

function sameCondition(a: Rule, b: Rule): boolean {
  return (
    a.kind === b.kind &&
    a.threshold === b.threshold &&
    a.forBuckets === b.forBuckets &&
    a.minCount === b.minCount
  );
}

/** Says so when no subscription here covers the rule's metric (it would alert elsewhere only). */
async function coverageNote(stores: AlertStores, rule: Rule, ctx: CommandContext): Promise<string> {
  const here = await stores.subscriptions.inConversation(ctx.tenantId, ctx.conversation.id);
  if (here.some((s) => covers(s.scope, { kind: 'metric', fn: rule.fn }))) return '';
  const id = metricByFn(rule.fn)?.id ?? rule.fn;
  return ` ${placeOf(ctx).replace(/^t/, 'T')} is not subscribed to it: \`subscribe ${id}\` gets its alerts here.`;
}

/** Names the default rule of the same kind on the metric, which still alerts beside the new one. */
async function defaultNote(stores: AlertStores, rule: Rule, ctx: CommandContext): Promise<string> {
  const metric = metricByFn(rule.fn);
  if (!metric) return '';
  const d = await stores.rules.get(ctx.tenantId, `default:${metric.id}`);
  if (!d || d.muted || d.kind !== rule.kind) return '';
  return ` The default rule \`${d.id}\` (${describeRule(d)}) also stays; \`unwatch ${d.id}\` mutes it.`;
}
