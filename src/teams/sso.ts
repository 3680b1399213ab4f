import type { TurnContext } from 'botbuilder';
import type { AuthenticationOptions } from '@microsoft/teams-ai';
import type { TeamsSsoSettings } from '@microsoft/teams-ai/lib/authentication/TeamsSsoSettings';
import { GRAPH_DELEGATED_SCOPES } from '../auth/graph-scopes';
import { msalConfiguration } from '../auth/msal-clients';
import type { EncryptedCachePlugin } from '../auth/encrypted-cache-plugin';
import { COMMAND_WORDS, commandSpec } from '../commands/grammar';
import { stripMentions } from '../commands/mention';
import { MAX_RAW_CHARS } from '../commands/text-tokens';
import type { Config } from '../config/config';

export const SSO_SETTING = 'graph';

/**
 * teams-ai Teams SSO for the Graph permissions in the catalog. Sign-in starts only for commands that read tenant data,
 * and always for the `signin/tokenExchange` and `signin/verifyState` invokes (without them SSO never completes).
 */
export function ssoOptions(config: Config, cachePlugin: EncryptedCachePlugin): AuthenticationOptions {
  const graph: TeamsSsoSettings = {
    scopes: [...GRAPH_DELEGATED_SCOPES],
    msalConfig: msalConfiguration(config, config.aad.tenantId ?? 'organizations', cachePlugin),
    signInLink: `https://${config.bot.domain ?? 'localhost'}/auth-start.html`,
    endOnInvalidMessage: true,
  };
  return {
    settings: { [SSO_SETTING]: graph },
    autoSignIn: async (ctx: TurnContext) =>
      (ctx.activity.type === 'invoke' && (ctx.activity.name ?? '').startsWith('signin/')) ||
      (ctx.activity.type === 'message' && needsSignIn(ctx.activity.text ?? '')),
  };
}

/** True when the message is a command that reads tenant data (the grammar says which); never for an overlong paste. */
export function needsSignIn(text: string): boolean {
  if (text.length > MAX_RAW_CHARS) return false;
  const words = stripMentions(text).toLowerCase().replace(/^\/+/, '').split(' ');
  for (const n of [3, 2, 1]) {
    const name = COMMAND_WORDS.get(words.slice(0, n).join(' '));
    if (name) return commandSpec(name)?.needsSignIn ?? false;
  }
  return false;
}
