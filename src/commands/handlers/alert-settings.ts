import type { AlertStores } from '../../alerts/alert-stores';
import {
  groupsOfScope,
  type DigestSetting,
  type QuietSetting,
  type Subscription,
} from '../../alerts/subscription';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { adminDenial } from './admin-gate';
import { changedReply, placeOf, recordChange, unchangedReply } from './alert-change';
import { requireSignIn, withAlertStores } from './alert-services';

/** `quiet <from>-<to> [zone]` / `quiet off`: the quiet hours of every subscription of this conversation. */
export function handleQuiet(
  quiet: QuietSetting | null,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withConversationSubscriptions(services, ctx, 'quiet hours', async (stores, subs) => {
    const previous = subs[0].quiet;
    const text = (q: QuietSetting | undefined) => (q ? `${q.from}-${q.to} ${q.timeZone}` : 'off');
    const command = (q: QuietSetting | undefined) => `quiet ${text(q)}`;
    if (text(previous) === text(quiet ?? undefined))
      return unchangedReply('Nothing to change', `Quiet hours here are already ${text(previous)}.`, [
        'subscriptions',
      ]);
    const denied = await adminDenial(groupsOf(subs), services, command(quiet ?? undefined));
    if (denied) return denied;
    await stores.subscriptions.updateConversation(ctx.tenantId, ctx.conversation.id, (s) =>
      withSetting(s, 'quiet', quiet),
    );
    await recordChange(stores, ctx, 'quiet-hours', ctx.conversation.id, text(quiet ?? undefined));
    return changedReply(
      quiet ? 'Quiet hours set' : 'Quiet hours off',
      quiet
        ? `Every day from ${quiet.from} to ${quiet.to} (${quiet.timeZone}), alerts for ${placeOf(ctx)} wait and are ` +
            'posted when quiet hours end.'
        : `Alerts for ${placeOf(ctx)} are posted at any hour again.`,
      [command(previous)],
      ['subscriptions'],
    );
  });
}

/** `digest daily <time> [zone]` / `digest off`: the daily status card of this conversation. */
export function handleDigest(
  digest: Omit<DigestSetting, 'lastSentAt'> | null,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withConversationSubscriptions(services, ctx, 'a digest', async (stores, subs) => {
    const previous = subs[0].digest;
    const text = (d: Omit<DigestSetting, 'lastSentAt'> | undefined) =>
      d ? `daily ${d.at} ${d.timeZone}` : 'off';
    const command = (d: Omit<DigestSetting, 'lastSentAt'> | undefined) => `digest ${text(d)}`;
    if (text(previous) === text(digest ?? undefined))
      return unchangedReply('Nothing to change', `The digest here is already ${text(previous)}.`, [
        'subscriptions',
      ]);
    const denied = await adminDenial(groupsOf(subs), services, command(digest ?? undefined));
    if (denied) return denied;
    // Keep when it was last sent, so moving the time does not send a second digest the same day.
    const next = digest
      ? { ...digest, ...(previous?.lastSentAt ? { lastSentAt: previous.lastSentAt } : {}) }
      : null;
    await stores.subscriptions.updateConversation(ctx.tenantId, ctx.conversation.id, (s) =>
      withSetting(s, 'digest', next),
    );
    await recordChange(stores, ctx, 'digest', ctx.conversation.id, text(digest ?? undefined));
    return changedReply(
      digest ? 'Daily digest set' : 'Daily digest off',
      digest
        ? `Every day at ${digest.at} (${digest.timeZone}) I post the status card in ${placeOf(ctx)}.`
        : `No more daily status card in ${placeOf(ctx)}.`,
      [command(previous)],
      ['subscriptions'],
    );
  });
}

/** Settings belong to subscriptions: without any here, say so before asking for admin rights. */
function withConversationSubscriptions(
  services: CommandServices,
  ctx: CommandContext,
  what: string,
  fn: (stores: AlertStores, subs: Subscription[]) => Promise<Reply>,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const subs = await stores.subscriptions.inConversation(ctx.tenantId, ctx.conversation.id);
    if (!subs.length) {
      return unchangedReply(
        'Subscribe first',
        `${placeOf(ctx).replace(/^t/, 'T')} gets no alerts, so it has no ${what} to set. \`subscribe\` first ` +
          '(admins only), then set it.',
        ['subscribe all', 'subscriptions'],
      );
    }
    return fn(stores, subs);
  });
}

function groupsOf(subs: readonly Subscription[]) {
  return [...new Set(subs.flatMap((s) => groupsOfScope(s.scope)))];
}

function withSetting<K extends 'quiet' | 'digest'>(
  s: Subscription,
  key: K,
  value: Subscription[K] | null,
): Subscription {
  const next: Subscription = { ...s };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}
