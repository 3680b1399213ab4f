import { ServerError } from '@azure/msal-node';
import type { AppTokens } from './app-tokens';
import type { DelegatedTokens } from './delegated-tokens';
import { isSignInRequired } from './sign-in-required';
import { permissionsInToken } from './graph-scopes';
import type { TeamsUser } from './identity';

/** How the monitor may read a tenant's telemetry for one permission right now. */
export type MonitorCredential =
  | { kind: 'app'; token: string }
  | { kind: 'delegated'; token: string; admin: TeamsUser }
  | {
      kind: 'none';
      reason: string;
      admins: TeamsUser[];
      /** True when an identity failed for a reason other than a missing grant or sign-in (store, network, cache). */
      transient?: boolean;
    };

/**
 * The alert monitor's identity, per tenant and permission: the app-only token when the tenant granted our application
 * that permission; otherwise the delegated token (refreshed silently) of each admin who subscribed, in turn; otherwise
 * none, with the reason and the admins who must sign in again, so the caller pauses those alerts and says so instead
 * of dropping them. An identity that fails in any way (a corrupt or unreadable token-cache entry, a network error) is
 * skipped and the next one tried; it is asked again at the next cycle.
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
    const failures: string[] = [];
    let appToken: Awaited<ReturnType<AppTokens['token']>>;
    let appFailed = false;
    try {
      appToken = await this.app.token(tenantId);
    } catch (err) {
      appFailed = true;
      failures.push(`the app-only token could not be obtained (${briefly(err)})`);
    }
    if (appToken && hasPermission(appToken.permissions, permission))
      return { kind: 'app', token: appToken.accessToken };
    const admins = subscribers.filter((s) => s.tenantId.toLowerCase() === tenantId.toLowerCase());
    for (const admin of admins) {
      if (!this.delegated) break;
      try {
        const token = await this.delegated.token(admin);
        if (hasPermission(permissionsInToken(token), permission)) return { kind: 'delegated', token, admin };
      } catch (err) {
        if (!isSignInRequired(err))
          failures.push(`${admin.name ?? admin.oid}'s sign-in could not be used (${briefly(err)})`);
      }
    }
    const base = appToken
      ? `the app has no ${permission} application permission in this tenant, and no subscribing admin's sign-in is still valid`
      : appFailed
        ? `neither the app-only token nor a subscribing admin's sign-in could be used for ${permission}`
        : 'the tenant has not granted the app any application permission, and no subscribing admin is signed in';
    return {
      kind: 'none',
      admins,
      reason: failures.length ? `${base}: ${failures.join('; ')}; tried again at every cycle` : base,
      ...(failures.length ? { transient: true } : {}),
    };
  }
}

/** An error in one line for a card and a log, without a stack: what failed, never a token. */
function briefly(err: unknown): string {
  const e = err as { message?: string; statusCode?: number; errorCode?: string };
  const text = (e instanceof ServerError && e.errorCode) || e?.message || String(err);
  const line = text.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

function hasPermission(granted: readonly string[], permission: string): boolean {
  return granted.some((g) => g.toLowerCase() === permission.toLowerCase());
}
