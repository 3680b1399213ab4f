import type { MicrosoftIssueKind } from '../../alerts/alert-command';
import {
  covers,
  groupsOfScope,
  microsoftIssuesOf,
  microsoftIssuesText,
  scopeKey,
  scopeLabel,
  scopeWords,
  type MicrosoftIssueSetting,
} from '../../alerts/subscription';
import type { SubscriptionScope } from '../../monitor/rule-scope';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';
import { adminDenial } from './admin-gate';
import { changedReply, placeOf, recordChange, unchangedReply } from './alert-change';
import { requireSignIn, withAlertStores } from './alert-services';
import { handleSubscribe } from './subscriptions';

/**
 * The setting `subscribe|unsubscribe <scope> incidents|advisories` leads to: `subscribe … advisories` brings both
 * (an advisory is never wanted without the incidents), `unsubscribe … incidents` stops all of Microsoft's issues.
 */
export function nextIssueSetting(
  name: 'subscribe' | 'unsubscribe',
  issues: MicrosoftIssueKind,
  current: MicrosoftIssueSetting,
): MicrosoftIssueSetting {
  if (name === 'subscribe')
    return issues === 'advisories'
      ? { incidents: true, advisories: true }
      : { incidents: true, advisories: current.advisories };
  return issues === 'incidents'
    ? { incidents: false, advisories: false }
    : { incidents: current.incidents, advisories: false };
}

/** The command that puts `prior` back after a change to `next` (the Undo button). */
export function restoreIssueCommand(
  prior: MicrosoftIssueSetting,
  next: MicrosoftIssueSetting,
  words: string,
): string {
  if (prior.advisories && !next.advisories) return `subscribe ${words} advisories`;
  if (prior.incidents && !next.incidents) return `subscribe ${words} incidents`;
  if (!prior.incidents && next.incidents) return `unsubscribe ${words} incidents`;
  return `unsubscribe ${words} advisories`;
}

/**
 * `subscribe|unsubscribe <scope> incidents|advisories`: admins only. Changes which of Microsoft's issues the
 * conversation's subscription to exactly that scope brings; `subscribe` without one subscribes with that setting.
 * Part of a wider subscription cannot be set alone: the answer names the command for the wider one.
 */
export function handleIssueSetting(
  name: 'subscribe' | 'unsubscribe',
  scope: SubscriptionScope,
  issues: MicrosoftIssueKind,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  return withAlertStores(services, async (stores) => {
    await requireSignIn(services);
    const words = scopeWords(scope);
    const existing = await stores.subscriptions.inConversation(ctx.tenantId, ctx.conversation.id);
    const exact = existing.find((s) => scopeKey(s.scope) === scopeKey(scope));
    const wider = exact ? undefined : existing.find((s) => covers(s.scope, scope));
    if (!exact && !wider) {
      if (name === 'subscribe')
        return handleSubscribe(scope, ctx, services, nextIssueSetting(name, issues, microsoftIssuesOf({})));
      return unchangedReply(
        'Not subscribed',
        `${capital(placeOf(ctx))} has no subscription for ${scopeLabel(scope)}, so it gets none of Microsoft's ` +
          'issues for it; nothing changed.',
        ['subscriptions'],
      );
    }
    if (!exact) {
      const command = `${name} ${scopeWords(wider!.scope)} ${issues}`;
      return unchangedReply(
        'Part of a wider subscription',
        `${capital(placeOf(ctx))} gets alerts for ${scopeLabel(wider!.scope)}, and Microsoft's issues are set for ` +
          `that whole subscription, not for ${scopeLabel(scope)} alone: \`${command}\` changes them.`,
        [command, 'subscriptions'],
      );
    }
    const prior = microsoftIssuesOf(exact);
    const next = nextIssueSetting(name, issues, prior);
    if (prior.incidents === next.incidents && prior.advisories === next.advisories)
      return unchangedReply(
        'Nothing to change',
        `${capital(placeOf(ctx))} already gets ${issueWords(next)} for ${scopeLabel(scope)}.`,
        ['subscriptions'],
      );
    const denied = await adminDenial(groupsOfScope(scope), services, `${name} ${words} ${issues}`);
    if (denied) return denied;
    await stores.subscriptions.update(exact, (current) => ({ ...current, microsoft: next }));
    await recordChange(
      stores,
      ctx,
      name,
      ctx.conversation.id,
      `Microsoft's issues for ${scopeLabel(scope)}: ${microsoftIssuesText(next)}`,
    );
    return changedReply(
      next.incidents ? "Microsoft's issues on" : "Microsoft's issues off",
      `${capital(placeOf(ctx))} now gets ${issueWords(next)} for ${scopeLabel(scope)}` +
        (next.incidents ? ', one card per issue, updated as Microsoft posts.' : '.') +
        ' Pulse’s own alerts for it are unchanged.',
      [restoreIssueCommand(prior, next, words)],
      ['subscriptions', 'incidents'],
    );
  });
}

/** "Microsoft's incidents and advisories", "Microsoft's incidents", "none of Microsoft's incidents or advisories". */
export function issueWords(m: MicrosoftIssueSetting): string {
  const what = microsoftIssuesText(m);
  return what === 'none' ? "none of Microsoft's incidents or advisories" : `Microsoft's ${what}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
