import { groupsOfRule } from '../../alerts/rule-groups';
import { actorOf } from '../../alerts/alert-actor';
import type { AlertStores } from '../../alerts/alert-stores';
import { findRules, type RuleRef } from '../../alerts/rule-order';
import { watchCommandFor } from '../../alerts/rule-commands';
import { formatLocalTime } from '../../cards/format';
import { metricByFn } from '../../domain/catalog';
import { describeRule } from '../../monitor/rule-text';
import type { Rule } from '../../monitor/rules';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { adminDenial } from './admin-gate';
import { changedReply, recordChange, unchangedReply } from './alert-change';
import { requireSignIn, withAlertStores } from './alert-services';

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
    const denied = await adminDenial(groupsOfRule(rule), services, `watch ${rule.id}`);
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
        const at = formatLocalTime(Date.parse(rule.muted.at), ctx.now, ctx.timeZone, ctx.locale);
        return unchangedReply(
          'Already muted',
          `\`${rule.id}\` was muted by ${rule.muted.by.name} at ${at}.`,
          [`watch ${rule.id}`, 'rules'],
        );
      }
      const denied = await adminDenial(groupsOfRule(rule), services, `unwatch ${rule.id}`);
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
    const denied = await adminDenial(groupsOfRule(rule), services, `unwatch ${rule.id}`);
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
