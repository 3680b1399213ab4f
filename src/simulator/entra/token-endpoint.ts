import type { IncomingHttpHeaders } from 'node:http';
import { aadError, type TokenResponse } from './aad-error';
import { clientCredentialsGrant } from './grant-client-credentials';
import { onBehalfOfGrant, refreshTokenGrant } from './grant-delegated';
import type { AuthenticatedClient, TokenContext } from './token-context';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

function basicCredentials(headers: IncomingHttpHeaders): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0
    ? undefined
    : { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/** Client authentication with a secret (form `client_secret` or HTTP Basic). Certificates are not simulated. */
export function authenticateClient(
  form: URLSearchParams,
  headers: IncomingHttpHeaders,
  ctx: TokenContext,
): AuthenticatedClient | TokenResponse {
  const basic = basicCredentials(headers);
  const clientId = form.get('client_id') ?? basic?.id;
  if (!clientId)
    return aadError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
      ctx.now,
    );
  const client = ctx.clients[clientId];
  if (!client) {
    return aadError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${ctx.tenant}'.`,
      ctx.now,
    );
  }
  if (form.get('client_assertion')) {
    return aadError(
      'invalid_client',
      7000218,
      'Certificate (client_assertion) authentication is not simulated: use client_secret.',
      ctx.now,
    );
  }
  const secret = form.get('client_secret') ?? basic?.secret;
  if (!secret)
    return aadError(
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      ctx.now,
    );
  if (secret !== client.secret) {
    return aadError(
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      ctx.now,
    );
  }
  return { clientId, client };
}

/** `POST /{tenant}/oauth2/v2.0/token` for client_credentials, on-behalf-of and refresh_token. */
export function handleTokenRequest(
  form: URLSearchParams,
  headers: IncomingHttpHeaders,
  ctx: TokenContext,
): TokenResponse {
  const grant = form.get('grant_type');
  if (!grant)
    return aadError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
      ctx.now,
    );
  if (![JWT_BEARER, 'client_credentials', 'refresh_token'].includes(grant)) {
    return aadError(
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant}'.`,
      ctx.now,
    );
  }
  const auth = authenticateClient(form, headers, ctx);
  if ('status' in auth) return auth;
  if (grant === 'client_credentials') return clientCredentialsGrant(form, auth, ctx);
  if (grant === JWT_BEARER) return onBehalfOfGrant(form, auth, ctx);
  return refreshTokenGrant(form, auth, ctx);
}
