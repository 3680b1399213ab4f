import {
  covers,
  groupsOfScope,
  scopeKey,
  scopeLabel,
  microsoftIssuesOf,
  scopeWords,
  type MicrosoftIssueSetting,
  type Subscription,
} from '../../alerts/subscription';
import { buildSubscriptionsCard } from '../../cards/subscriptions-card';
import { formatLocalTime } from '../../cards/format';
import { SYSTEM_ACTOR } from '../../monitor/actor';
import { fnsInScope, type SubscriptionScope } from '../../monitor/rule-scope';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { adminDenial } from './admin-gate';
import { changedReply, placeOf, recordChange, unchangedReply } from './alert-change';
import { requireSignIn, withAlertStores } from './alert-services';

/**
 * `subscribe [scope]`: admins only. A scope already covered here changes nothing; a wider one replaces the narrower
 * subscriptions of this conversation (one card per alert, not two). Adds the catalog's default rules the tenant
 * lacks, keeps the conversation's quiet hours and digest, and records who did it. The subscription also brings
 * Microsoft's incidents for the scope's services (advisories too with `microsoft`, from `subscribe … advisories`).
 */
export function handleSubscribe(
  scope: SubscriptionScope,
  ctx: CommandContext,
  services: CommandServices,
  microsoft?: MicrosoftIssueSetting,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    const command = `subscribe ${scopeWords(scope)}`;
    const denied = await adminDenial(groupsOfScope(scope), services, command);
    if (denied) return denied;
    const existing = await stores.subscriptions.inConversation(ctx.tenantId, ctx.conversation.id);
    const wider = existing.find((s) => covers(s.scope, scope));
    if (wider) return alreadyCovered(wider, scope, ctx);
    const first = existing[0];
    const subscription: Subscription = {
      id: `${ctx.conversation.id}|${scopeKey(scope)}`,
      tenantId: ctx.tenantId,
      conversationId: ctx.conversation.id,
      scope,
      createdBy: {
        id: ctx.user.id,
        name: ctx.user.name?.trim() || ctx.user.id,
        oid: (ctx.user.aadObjectId ?? '').toLowerCase(),
      },
      createdAt: ctx.now.toISOString(),
      locale: ctx.locale,
      timeZone: ctx.timeZone,
      ...(first?.quiet ? { quiet: first.quiet } : {}),
      ...(first?.digest ? { digest: first.digest } : {}),
      ...(microsoft ? { microsoft } : {}),
    };
    const added = await stores.subscriptions.add(subscription);
    if (!added.created) return alreadyCovered(added.subscription, scope, ctx);
    const replaced = existing.filter((s) => covers(scope, s.scope));
    for (const s of replaced) await stores.subscriptions.remove(s.tenantId, s.conversationId, s.scope);
    const rules = await stores.rules.ensureDefaults(ctx.tenantId, fnsInScope(scope), {
      tenantId: ctx.tenantId,
      createdBy: SYSTEM_ACTOR,
      createdAt: ctx.now.toISOString(),
    });
    const replacedText = replaced.map((s) => scopeLabel(s.scope)).join(', ');
    await recordChange(
      stores,
      ctx,
      'subscribe',
      ctx.conversation.id,
      [
        `to ${scopeLabel(scope)}`,
        `${rules.length} default rule${rules.length === 1 ? '' : 's'} added`,
        replaced.length ? `replaces ${replacedText}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
    return changedReply(
      'Subscribed',
      `${capital(placeOf(ctx))} now gets alerts for ${scopeLabel(scope)}. ` +
        (rules.length
          ? `I added ${rules.length} default rule${rules.length === 1 ? '' : 's'} from the catalog. `
          : 'The default rules were already in place. ') +
        (replaced.length
          ? `This replaces the narrower subscription${replaced.length === 1 ? '' : 's'} to ${replacedText}. `
          : '') +
        'Rules are shared by your whole tenant: `rules` lists them, `watch` adds your own. ' +
        microsoftSentence(scope, microsoftIssuesOf(subscription)),
      [`unsubscribe ${scopeWords(scope)}`],
      ['rules', 'subscriptions'],
    );
  });
}

/**
 * `unsubscribe [scope]`: admins only. Removes this conversation's subscriptions inside the scope (`all`: every
 * one). Part of a wider subscription cannot be left out; the answer says how instead. Rules stay (tenant-wide).
 */
export function handleUnsubscribe(
  scope: SubscriptionScope,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const existing = await stores.subscriptions.inConversation(ctx.tenantId, ctx.conversation.id);
    const removed = existing.filter((s) => covers(scope, s.scope));
    if (!removed.length) return nothingToRemove(existing, scope, ctx);
    const groups = [...new Set(removed.flatMap((s) => groupsOfScope(s.scope)))];
    const denied = await adminDenial(groups, services, `unsubscribe ${scopeWords(scope)}`);
    if (denied) return denied;
    for (const s of removed) await stores.subscriptions.remove(s.tenantId, s.conversationId, s.scope);
    const labels = removed.map((s) => scopeLabel(s.scope)).join(', ');
    await recordChange(stores, ctx, 'unsubscribe', ctx.conversation.id, `from ${labels}`);
    return changedReply(
      'Unsubscribed',
      `${capital(placeOf(ctx))} gets no more alerts for ${labels}. The tenant's rules stay for other ` +
        'conversations; `rules` lists them.',
      removed.slice(0, 3).map((s) => `subscribe ${scopeWords(s.scope)}`),
      ['subscriptions'],
    );
  });
}

/** `subscriptions`: this conversation's subscriptions, quiet hours, digest and pause. Sign-in, not admin. */
export function handleSubscriptions(ctx: CommandContext, services: CommandServices): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const all = await stores.subscriptions.inTenant(ctx.tenantId);
    const here = all.filter((s) => s.conversationId === ctx.conversation.id);
    const elsewhere = new Set(
      all.filter((s) => s.conversationId !== ctx.conversation.id).map((s) => s.conversationId),
    );
    return {
      card: buildSubscriptionsCard({
        conversationScope: ctx.conversation.scope,
        subscriptions: here,
        elsewhere: elsewhere.size,
        now: ctx.now,
        timeZone: ctx.timeZone,
        locale: ctx.locale,
      }),
    };
  });
}

function alreadyCovered(by: Subscription, scope: SubscriptionScope, ctx: CommandContext): Reply {
  const same = scopeKey(by.scope) === scopeKey(scope);
  const since = formatLocalTime(Date.parse(by.createdAt), ctx.now, ctx.timeZone, ctx.locale);
  return unchangedReply(
    'Already subscribed',
    same
      ? `${capital(placeOf(ctx))} already gets alerts for ${scopeLabel(scope)} (since ${since}, by ${by.createdBy.name}).`
      : `${capital(placeOf(ctx))} already gets alerts for ${scopeLabel(by.scope)} (since ${since}, by ` +
          `${by.createdBy.name}), which covers ${scopeLabel(scope)}.`,
    ['subscriptions', 'rules'],
  );
}

function nothingToRemove(
  existing: readonly Subscription[],
  scope: SubscriptionScope,
  ctx: CommandContext,
): Reply {
  const wider = existing.find((s) => covers(s.scope, scope));
  if (wider) {
    return unchangedReply(
      'Part of a wider subscription',
      `${capital(placeOf(ctx))} gets alerts for ${scopeLabel(wider.scope)}, and I can't leave out ` +
        `${scopeLabel(scope)} alone. \`unsubscribe ${scopeWords(wider.scope)}\` stops those; then subscribe to ` +
        "what you want, or `unwatch` the rules you don't.",
      [`unsubscribe ${scopeWords(wider.scope)}`, 'subscriptions'],
    );
  }
  return unchangedReply(
    'Not subscribed',
    existing.length
      ? `${capital(placeOf(ctx))} has no subscription for ${scopeLabel(scope)}; nothing changed.`
      : `${capital(placeOf(ctx))} gets no alerts; nothing changed.`,
    ['subscriptions'],
  );
}

/** What the new subscription brings of Microsoft's issues, and the command that changes it. */
function microsoftSentence(scope: SubscriptionScope, m: MicrosoftIssueSetting): string {
  const words = scopeWords(scope);
  return m.advisories
    ? `Microsoft's incidents and advisories for it come here too (\`unsubscribe ${words} advisories\` stops the advisories).`
    : `Microsoft's incidents for it come here too (\`subscribe ${words} advisories\` adds advisories, ` +
        `\`unsubscribe ${words} incidents\` stops them).`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
