import type { Identity } from '../auth/identity';
import { verifySsoToken, type SsoTokenRules, type TabUser, type TokenRefusal } from './sso-token';
import type { TabCaller } from './tab-api';

/** How tab requests are authenticated: Teams SSO tokens in production, the demo identity in demo mode. */
export type TabAuthMode = { kind: 'sso'; rules: SsoTokenRules } | { kind: 'demo'; user: TabUser };

/**
 * The caller of a tab API request from its `Authorization: Bearer <Teams SSO token>` header, or why it is refused.
 * In demo mode (loopback only, no BOT_ID) every request is the demo identity's, as in the Playground's chats.
 */
export async function authenticateTab(
  authorization: string | undefined,
  mode: TabAuthMode,
  identity: Identity,
): Promise<{ ok: true; caller: TabCaller } | { ok: false; refusal: TokenRefusal }> {
  if (mode.kind === 'demo') {
    const user = mode.user;
    return { ok: true, caller: { user, graphToken: () => identity.graphToken(user) } };
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token)
    return { ok: false, refusal: { status: 401, reason: 'No Teams SSO token (Authorization: Bearer).' } };
  const verified = await verifySsoToken(token, mode.rules);
  if (!verified.ok) return verified;
  const user = verified.user;
  return { ok: true, caller: { user, graphToken: () => identity.exchange(user, token) } };
}
