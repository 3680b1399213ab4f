import { ConfidentialClientApplication } from '@azure/msal-node';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../config/config';

/**
 * The CloudAdapter Teams talks to. Inbound JWT validation is on whenever BOT_ID is set (botbuilder checks issuer,
 * audience, signature, expiry, endorsements and the serviceurl claim). The bot's own outbound token comes from
 * msal-node with the same authority overrides as everything else, so sovereign clouds and offline tests work.
 */
export function createAdapter(config: Config): TeamsAdapter {
  const auth = config.botFrameworkAuth as Record<string, string>;
  if (config.demo || !config.bot.id || config.bot.type === 'UserAssignedMsi') {
    return new TeamsAdapter(
      auth,
      new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: config.bot.id ?? '',
        MicrosoftAppType: config.bot.type,
        MicrosoftAppTenantId: config.bot.tenantId,
      }),
    );
  }
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: config.bot.id,
      clientSecret: config.bot.password,
      authority: outboundAuthority(config),
      authorityMetadata: config.aad.authorityMetadata,
      cloudDiscoveryMetadata: config.aad.cloudDiscoveryMetadata,
    },
  });
  return new TeamsAdapter(auth, new MsalServiceClientCredentialsFactory(config.bot.id, msal));
}

/** Where the bot gets its Bot Framework token: botframework.com for multi-tenant bots, the home tenant otherwise. */
export function outboundAuthority(config: Config): string {
  const login = config.botFrameworkAuth.ToChannelFromBotLoginUrl as string | undefined;
  if (login && config.bot.type === 'MultiTenant') return login;
  if (config.bot.type === 'SingleTenant') return `${config.aad.authorityHost}/${config.bot.tenantId}`;
  return `${config.aad.authorityHost}/botframework.com`;
}
