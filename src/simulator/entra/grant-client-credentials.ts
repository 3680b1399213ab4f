import { aadError, type TokenResponse } from './aad-error';
import { appTokenClaims } from './claims';
import { signJwt } from './keys';
import { parseScopes } from './scopes';
import { isMultiTenantSegment, type AuthenticatedClient, type TokenContext } from './token-context';

/** client_credentials: scope must be `https://graph.microsoft.com/.default`; `roles` = the client's app roles. */
export function clientCredentialsGrant(
  form: URLSearchParams,
  auth: AuthenticatedClient,
  ctx: TokenContext,
): TokenResponse {
  if (isMultiTenantSegment(ctx.tenant)) {
    return aadError(
      'invalid_request',
      90009,
      `Application '${auth.clientId}' is requesting a token for itself and needs a tenant-specific authority, not '${ctx.tenant}'.`,
      ctx.now,
    );
  }
  const scopes = parseScopes(form.get('scope'));
  if (!scopes.graphDefault || scopes.graph.length || scopes.foreign.length) {
    return aadError(
      'invalid_scope',
      1002012,
      `The provided value for scope '${form.get('scope') ?? ''}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      ctx.now,
    );
  }
  const life = ctx.tokenLifetimeSeconds ?? 3599;
  const claims = appTokenClaims(
    auth.clientId,
    ctx.tenant,
    auth.client.grantedAppRoles,
    ctx.now.getTime(),
    life,
  );
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: life,
      ext_expires_in: life,
      access_token: signJwt(ctx.key, claims),
    },
  };
}
