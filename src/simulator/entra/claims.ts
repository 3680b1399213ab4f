import { createHash } from 'node:crypto';

/** Audiences Graph accepts: the resource URI and Graph's well-known app id. */
export const GRAPH_AUDIENCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Default `aud` of user assertions issued without an explicit audience; any registered client may redeem it. */
export const DEFAULT_ASSERTION_AUDIENCE = 'api://m365-pulse-sim';
/** Private claim separating refresh tokens and user assertions from access tokens (never accepted by Graph). */
export const USE_CLAIM = 'sim_use';

/** A signed-in user, as carried through assertion, access, id and refresh tokens. */
export interface UserIdentity {
  tid: string;
  oid: string;
  name: string;
  upn: string;
}

function times(nowMs: number, lifetimeSeconds: number): { iat: number; nbf: number; exp: number } {
  const iat = Math.floor(nowMs / 1000);
  return { iat, nbf: iat, exp: iat + lifetimeSeconds };
}

/** A stable object id for an app's service principal in a tenant (app-only tokens carry one as `oid`). */
export function servicePrincipalOid(appId: string, tid: string): string {
  const h = createHash('sha256').update(`${tid}/${appId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Claims of an app-only Graph access token (v1.0 shape; permissions in `roles`). */
export function appTokenClaims(
  appId: string,
  tid: string,
  roles: readonly string[],
  nowMs: number,
  life = 3599,
) {
  const oid = servicePrincipalOid(appId, tid);
  return {
    aud: GRAPH_RESOURCE,
    iss: `https://sts.windows.net/${tid}/`,
    ...times(nowMs, life),
    appid: appId,
    appidacr: '1',
    idtyp: 'app',
    oid,
    sub: oid,
    tid,
    ver: '1.0',
    ...(roles.length ? { roles: [...roles] } : {}),
  };
}

/** Claims of a delegated Graph access token (v1.0 shape; permissions space-separated in `scp`). */
export function delegatedTokenClaims(
  appId: string,
  user: UserIdentity,
  scp: readonly string[],
  nowMs: number,
  life = 3599,
) {
  return {
    aud: GRAPH_RESOURCE,
    iss: `https://sts.windows.net/${user.tid}/`,
    ...times(nowMs, life),
    appid: appId,
    appidacr: '1',
    idtyp: 'user',
    name: user.name,
    oid: user.oid,
    preferred_username: user.upn,
    scp: scp.join(' '),
    sub: `${user.oid}-sub`,
    tid: user.tid,
    unique_name: user.upn,
    upn: user.upn,
    ver: '1.0',
  };
}

/** Claims of the id_token msal-node reads to build the account (v2.0 shape). */
export function idTokenClaims(clientId: string, user: UserIdentity, nowMs: number) {
  return {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${user.tid}/v2.0`,
    ...times(nowMs, 3600),
    name: user.name,
    oid: user.oid,
    preferred_username: user.upn,
    sub: `${user.oid}-sub`,
    tid: user.tid,
    ver: '2.0',
  };
}

/** Claims of a user assertion (what Teams SSO would give the bot), redeemable on-behalf-of. */
export function assertionClaims(
  user: UserIdentity,
  audience: string,
  nowMs: number,
  life: number,
  wids?: readonly string[],
) {
  return {
    aud: audience,
    iss: `https://login.microsoftonline.com/${user.tid}/v2.0`,
    ...times(nowMs, life),
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web client, the usual SSO caller
    name: user.name,
    oid: user.oid,
    preferred_username: user.upn,
    scp: 'access_as_user',
    sub: `${user.oid}-sub`,
    tid: user.tid,
    ver: '2.0',
    ...(wids?.length ? { wids: [...wids] } : {}),
    [USE_CLAIM]: 'assertion',
  };
}

/** Claims of a refresh token: the user, the client and the consented scopes (90 days). */
export function refreshTokenClaims(
  clientId: string,
  user: UserIdentity,
  scopes: readonly string[],
  nowMs: number,
) {
  return {
    aud: clientId,
    ...times(nowMs, 90 * 24 * 3600),
    ...user,
    scopes: [...scopes],
    [USE_CLAIM]: 'refresh',
  };
}

/** msal-node's `client_info`: base64url JSON `{uid, utid}`. */
export function clientInfo(user: UserIdentity): string {
  return Buffer.from(JSON.stringify({ uid: user.oid, utid: user.tid })).toString('base64url');
}
