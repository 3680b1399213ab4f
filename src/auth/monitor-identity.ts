import type { AppTokens } from './app-tokens';
import { SignInNeededError, type DelegatedTokens } from './delegated-tokens';
import { permissionsInToken } from './graph-scopes';
import type { TeamsUser } from './identity';

/** How the monitor may read a tenant's telemetry for one permission right now. */
export type MonitorCredential =
  | { kind: 'app'; token: string }
  | { kind: 'delegated'; token: string; admin: TeamsUser }
  | { kind: 'none'; reason: string; admins: TeamsUser[] };

/**
 * The alert monitor's identity, per tenant and permission: the app-only token when the tenant granted our application
 * that permission; otherwise the delegated token (refreshed silently) of an admin who subscribed; otherwise none,
 * with the admins who must sign in again, so the caller pauses those alerts and says so instead of dropping them.
 */
export class MonitorIdentity {
  constructor(
    private readonly app: AppTokens,
    private readonly delegated?: DelegatedTokens,
  ) {}

  async credential(
    tenantId: string,
    permission: string,
    subscribers: readonly TeamsUser[],
  ): Promise<MonitorCredential> {
    const appToken = await this.app.token(tenantId);
    if (appToken && hasPermission(appToken.permissions, permission))
      return { kind: 'app', token: appToken.accessToken };
    for (const admin of subscribers) {
      if (admin.tenantId.toLowerCase() !== tenantId.toLowerCase() || !this.delegated) continue;
      try {
        const token = await this.delegated.token(admin);
        if (hasPermission(permissionsInToken(token), permission)) return { kind: 'delegated', token, admin };
      } catch (err) {
        if (!(err instanceof SignInNeededError)) throw err;
      }
    }
    return {
      kind: 'none',
      admins: subscribers.filter((s) => s.tenantId.toLowerCase() === tenantId.toLowerCase()),
      reason: appToken
        ? `the app has no ${permission} application permission in this tenant, and no subscribing admin's sign-in is still valid`
        : 'the tenant has not granted the app any application permission, and no subscribing admin is signed in',
    };
  }
}

function hasPermission(granted: readonly string[], permission: string): boolean {
  return granted.some((g) => g.toLowerCase() === permission.toLowerCase());
}
