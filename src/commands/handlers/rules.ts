import type { WatchRequest } from '../../alerts/alert-command';
import { actorOf } from '../../alerts/alert-actor';
import type { AlertStores } from '../../alerts/alert-stores';
import { findRules, type RuleRef } from '../../alerts/rule-order';
import { watchCommandFor } from '../../alerts/rule-commands';
import { covers } from '../../alerts/subscription';
import { buildRulesCard } from '../../cards/rules-card';
import { formatLocalTime } from '../../cards/format';
import { metricByFn } from '../../graph/catalog';
import type { ServiceGroup } from '../../graph/catalog-types';
import { describeRule } from '../../monitor/rule-text';
import { customRule, type Rule } from '../../monitor/rules';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { adminDenial } from './admin-gate';
import { changedReply, placeOf, recordChange, unchangedReply } from './alert-change';
import { requireSignIn, withAlertStores } from './alert-services';

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
    const denied = await adminDenial(groupsOf(rule), services, watchCommandFor(rule));
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
        `${metricName(rule)}.${await coverageNote(stores, rule, ctx)}${await defaultNote(stores, rule, ctx)}`,
      [`unwatch ${rule.id}`],
      ['rules'],
    );
  });
}

/** `watch #n` / `watch <rule id>`: unmutes a rule (the inverse of `unwatch` on a default rule). */
export function handleResume(ref: RuleRef, ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    const found = await oneRule(stores, ref, ctx, services, 'watch');
    if (!('rule' in found)) return found;
    const { rule } = found;
    if (!rule.muted)
      return unchangedReply('Not muted', `Rule \`${rule.id}\` is not muted: ${describeRule(rule)}.`, [
        'rules',
      ]);
    const denied = await adminDenial(groupsOf(rule), services, `watch ${rule.id}`);
    if (denied) return denied;
    await stores.rules.unmute(ctx.tenantId, rule.id);
    await recordChange(
      stores,
      ctx,
      'unmute',
      rule.id,
      `muted by ${rule.muted.by.name} since ${rule.muted.at}`,
    );
    return changedReply(
      'Rule unmuted',
      `\`${rule.id}\` alerts again: ${describeRule({ ...rule, muted: undefined })}.`,
      [`unwatch ${rule.id}`],
      ['rules'],
    );
  });
}

/** `unwatch <rule>`: removes a custom rule; mutes a default one (it would come back with the next `subscribe`). */
export function handleUnwatch(ref: RuleRef, ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    const found = await oneRule(stores, ref, ctx, services, 'unwatch');
    if (!('rule' in found)) return found;
    const { rule } = found;
    if (rule.source === 'default') {
      if (rule.muted) {
        const at = formatLocalTime(Date.parse(rule.muted.at), ctx.now, ctx.timeZone);
        return unchangedReply(
          'Already muted',
          `\`${rule.id}\` was muted by ${rule.muted.by.name} at ${at}.`,
          [`watch ${rule.id}`, 'rules'],
        );
      }
      const denied = await adminDenial(groupsOf(rule), services, `unwatch ${rule.id}`);
      if (denied) return denied;
      await stores.rules.mute(ctx.tenantId, rule.id, actorOf(ctx.user), ctx.now.toISOString());
      await recordChange(stores, ctx, 'mute', rule.id, describeRule(rule));
      return changedReply(
        'Default rule muted',
        `Default rules stay, so I muted \`${rule.id}\` (${describeRule(rule)}): it keeps tracking but posts no ` +
          `alerts. \`watch ${rule.id}\` unmutes it.`,
        [`watch ${rule.id}`],
        ['rules'],
      );
    }
    const denied = await adminDenial(groupsOf(rule), services, `unwatch ${rule.id}`);
    if (denied) return denied;
    await stores.rules.remove(ctx.tenantId, rule.id);
    await recordChange(stores, ctx, 'rule-delete', rule.id, describeRule(rule));
    return changedReply(
      'Rule removed',
      `\`${rule.id}\` is gone: ${describeRule(rule)}.`,
      [watchCommandFor(rule)],
      ['rules'],
    );
  });
}

/** `rules`: the tenant's rules, numbered. Sign-in, not admin. */
export function handleRules(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const rules = await stores.rules.list(ctx.tenantId);
    return { card: buildRulesCard({ rules, now: ctx.now, timeZone: ctx.timeZone }) };
  });
}

/** The one rule a reference names, or the answer when it names none or several (nothing changes then). */
async function oneRule(
  stores: AlertStores,
  ref: RuleRef,
  ctx: CommandContext,
  services: CommandServices,
  verb: 'watch' | 'unwatch',
): Promise<{ rule: Rule } | Reply> {
  await requireSignIn(services);
  const rules = await stores.rules.list(ctx.tenantId);
  const found = findRules(rules, ref);
  if (found.length === 1) return { rule: found[0] };
  if (!found.length) {
    const what =
      ref.by === 'index'
        ? `There is no rule #${ref.n}: your tenant has ${rules.length} rule${rules.length === 1 ? '' : 's'}.`
        : ref.by === 'id'
          ? `There is no rule \`${ref.id}\`.`
          : `${metricByFn(ref.fn)?.name ?? ref.fn} has no rule.`;
    return unchangedReply('No such rule', `${what} \`rules\` lists them with their numbers and ids.`, [
      'rules',
    ]);
  }
  const custom = found.filter((r) => r.source === 'custom');
  if (verb === 'unwatch' && custom.length === 1 && ref.by === 'metric') return { rule: custom[0] };
  return unchangedReply(
    'Which rule?',
    `${metricByFn(found[0].fn)?.name ?? found[0].fn} has ${found.length} rules: ` +
      `${found.map((r) => `\`${r.id}\``).join(', ')}. Name one by its id or number.`,
    [...found.slice(0, 4).map((r) => `${verb} ${r.id}`), 'rules'],
  );
}

function groupsOf(rule: Rule): ServiceGroup[] {
  const group = metricByFn(rule.fn)?.service;
  return group ? [group] : [];
}

function metricName(rule: Rule): string {
  return metricByFn(rule.fn)?.name ?? rule.fn;
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
