import { ConfidentialClientApplication } from '@azure/msal-node';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, StatusCodes } from 'botbuilder';
import { AuthenticationError, MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../config/config';

/**
 * The CloudAdapter Teams talks to. Inbound JWT validation is on whenever BOT_ID is set (botbuilder checks issuer,
 * audience, signature, expiry, endorsements and the serviceurl claim). The bot's own outbound token comes from
 * msal-node with the same authority overrides as everything else, so sovereign clouds and offline tests work.
 */
export function createAdapter(config: Config): TeamsAdapter {
  const auth = config.botFrameworkAuth as Record<string, string>;
  if (config.demo || !config.bot.id || config.bot.type === 'UserAssignedMsi') {
    return new PulseAdapter(
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
  return new PulseAdapter(auth, new MsalServiceClientCredentialsFactory(config.bot.id, msal));
}

/** Where the bot gets its Bot Framework token: botframework.com for multi-tenant bots, the home tenant otherwise. */
export function outboundAuthority(config: Config): string {
  const login = config.botFrameworkAuth.ToChannelFromBotLoginUrl as string | undefined;
  if (login && config.bot.type === 'MultiTenant') return login;
  if (config.bot.type === 'SingleTenant') return `${config.aad.authorityHost}/${config.bot.tenantId}`;
  return `${config.aad.authorityHost}/botframework.com`;
}

/** jsonwebtoken's errors: a token that is malformed, badly signed, expired or not yet valid. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * TeamsAdapter answering 401 to every invalid inbound token. botbuilder answers 401 only for the failures it
 * classifies itself and 500 for those jsonwebtoken reports (a forged signature, for one), which reads as our fault
 * and invites retries.
 */
class PulseAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication;
    const authenticate = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      try {
        return await authenticate(activity, authHeader);
      } catch (err) {
        if (err instanceof Error && JWT_ERRORS.has(err.name))
          throw new AuthenticationError(`Unauthorized: ${err.message}`, StatusCodes.UNAUTHORIZED);
        throw err;
      }
    };
  }
}
