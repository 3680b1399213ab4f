import { GRAPH_AUDIENCES } from '../entra/claims';
import { verifyJwt, type SigningKey } from '../entra/keys';

/** The caller of a Graph request, from its verified token. */
export interface Caller {
  tenantId: string;
  /** `appid` (v1 tokens) or `azp` (v2): the throttling identity. */
  appId: string;
  delegated: boolean;
  scp?: string;
  roles?: readonly string[];
}

const MESSAGES = {
  empty: 'Access token is empty.',
  expired: 'Access token has expired or is not yet valid.',
  audience: 'Access token validation failure. Invalid audience.',
  signature: 'Access token validation failure. Invalid signature.',
  malformed: 'Access token validation failure. The token is not a well-formed JWT.',
};

/** Verifies `Authorization: Bearer …` (RS256 signature by the emulator, expiry, Graph audience, `tid`). */
export function authenticate(
  header: string | undefined,
  key: SigningKey,
  nowMs: number,
): { ok: true; caller: Caller } | { ok: false; message: string } {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) return { ok: false, message: MESSAGES.empty };
  const verified = verifyJwt(key, token, nowMs, GRAPH_AUDIENCES);
  if (!verified.ok) return { ok: false, message: MESSAGES[verified.reason] };
  const c = verified.claims;
  const appId = typeof c.appid === 'string' ? c.appid : typeof c.azp === 'string' ? c.azp : undefined;
  if (typeof c.tid !== 'string' || !appId) return { ok: false, message: MESSAGES.malformed };
  const roles = Array.isArray(c.roles) ? c.roles.map(String) : undefined;
  const scp = typeof c.scp === 'string' ? c.scp : undefined;
  return { ok: true, caller: { tenantId: c.tid, appId, delegated: scp !== undefined, scp, roles } };
}

/** True when the caller's `scp` (delegated) or `roles` (app-only) include the permission (case-insensitive). */
export function hasPermission(caller: Caller, permission: string): boolean {
  const held = caller.delegated ? (caller.scp ?? '').split(' ') : (caller.roles ?? []);
  return held.some((p) => p.toLowerCase() === permission.toLowerCase());
}

/** The 403 message naming the missing permission and where it must appear. */
export function missingPermissionMessage(fn: string, permission: string, caller: Caller): string {
  const where = caller.delegated ? 'delegated scope (scp)' : 'application role (roles)';
  return `Insufficient privileges to complete the operation. ${fn} requires the ${permission} permission as a ${where}, with admin consent.`;
}
