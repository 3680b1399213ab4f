import { aadError, type TokenResponse } from './aad-error';
import {
  clientInfo,
  DEFAULT_ASSERTION_AUDIENCE,
  delegatedTokenClaims,
  idTokenClaims,
  refreshTokenClaims,
  USE_CLAIM,
  type UserIdentity,
} from './claims';
import { signJwt, verifyJwt } from './keys';
import { grantedDelegated, parseScopes, scopeString } from './scopes';
import { isMultiTenantSegment, type AuthenticatedClient, type TokenContext } from './token-context';

function audienceMatches(aud: unknown, auth: AuthenticatedClient): boolean {
  const { clientId } = auth;
  return (
    typeof aud === 'string' &&
    (aud === DEFAULT_ASSERTION_AUDIENCE ||
      aud === clientId ||
      aud.endsWith(`/${clientId}`) ||
      (auth.client.identifierUris ?? []).includes(aud))
  );
}

function userOf(claims: Record<string, unknown>): UserIdentity {
  return {
    tid: String(claims.tid),
    oid: String(claims.oid),
    name: String(claims.name ?? ''),
    upn: String(claims.preferred_username ?? claims.upn ?? ''),
  };
}

/** Issues access, id and refresh tokens for a user; `scp` = consented ∩ requested (or all for `.default`). */
function issueForUser(
  form: URLSearchParams,
  auth: AuthenticatedClient,
  user: UserIdentity,
  consented: readonly string[],
  ctx: TokenContext,
): TokenResponse {
  const requested = parseScopes(form.get('scope'));
  if (requested.foreign.length) {
    return aadError(
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid: only Microsoft Graph scopes are simulated (${requested.foreign.join(' ')}).`,
      ctx.now,
    );
  }
  const granted = grantedDelegated(requested, consented);
  if (!granted.length) {
    const wanted = requested.graphDefault ? '.default' : requested.graph.join(' ') || '(none)';
    return aadError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${auth.clientId}'. Send an interactive authorization request for this user and resource (requested: ${wanted}).`,
      ctx.now,
      { suberror: 'consent_required' },
    );
  }
  const nowMs = ctx.now.getTime();
  const life = ctx.tokenLifetimeSeconds ?? 3599;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: scopeString(granted),
    expires_in: life,
    ext_expires_in: life,
    access_token: signJwt(ctx.key, delegatedTokenClaims(auth.clientId, user, granted, nowMs, life)),
    refresh_token: signJwt(ctx.key, refreshTokenClaims(auth.clientId, user, granted, nowMs)),
    id_token: signJwt(ctx.key, idTokenClaims(auth.clientId, user, nowMs)),
  };
  if (form.get('client_info') === '1') body.client_info = clientInfo(user);
  return { status: 200, body };
}

/** On-behalf-of: redeem an emulator-issued user assertion for a delegated Graph token. */
export function onBehalfOfGrant(
  form: URLSearchParams,
  auth: AuthenticatedClient,
  ctx: TokenContext,
): TokenResponse {
  if (form.get('requested_token_use') !== 'on_behalf_of') {
    return aadError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'requested_token_use' with value 'on_behalf_of'.",
      ctx.now,
    );
  }
  const assertion = form.get('assertion');
  if (!assertion)
    return aadError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'assertion'.",
      ctx.now,
    );
  const verified = verifyJwt(ctx.key, assertion, ctx.now.getTime());
  if (!verified.ok) {
    return verified.reason === 'expired'
      ? aadError('invalid_grant', 500133, 'Assertion is not within its valid time range.', ctx.now)
      : aadError(
          'invalid_grant',
          50013,
          `Assertion failed signature validation (${verified.reason}).`,
          ctx.now,
        );
  }
  const claims = verified.claims;
  if (claims[USE_CLAIM] === 'refresh' || !audienceMatches(claims.aud, auth)) {
    return aadError(
      'invalid_grant',
      50013,
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${String(claims.aud)}' and the expected audience is '${auth.clientId}'.`,
      ctx.now,
    );
  }
  const user = userOf(claims);
  if (!isMultiTenantSegment(ctx.tenant) && ctx.tenant !== user.tid) {
    return aadError(
      'invalid_grant',
      50013,
      `Assertion tenant '${user.tid}' does not match the requested tenant '${ctx.tenant}'.`,
      ctx.now,
    );
  }
  return issueForUser(form, auth, user, auth.client.grantedScopes, ctx);
}

/** refresh_token: redeem an emulator refresh token issued to the same client. */
export function refreshTokenGrant(
  form: URLSearchParams,
  auth: AuthenticatedClient,
  ctx: TokenContext,
): TokenResponse {
  const token = form.get('refresh_token');
  if (!token)
    return aadError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'refresh_token'.",
      ctx.now,
    );
  const verified = verifyJwt(ctx.key, token, ctx.now.getTime());
  if (!verified.ok && verified.reason === 'expired') {
    return aadError('invalid_grant', 700082, 'The refresh token has expired due to inactivity.', ctx.now);
  }
  if (!verified.ok || verified.claims[USE_CLAIM] !== 'refresh' || verified.claims.aud !== auth.clientId) {
    return aadError(
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid: the refresh token is not valid for this client.',
      ctx.now,
    );
  }
  const claims = verified.claims;
  const original = Array.isArray(claims.scopes) ? claims.scopes.map(String) : [];
  const consented = auth.client.grantedScopes.filter((s) => original.includes(s));
  return issueForUser(form, auth, userOf(claims), consented, ctx);
}
