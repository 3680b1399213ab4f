import type { UserKey } from './user-key';

/**
 * Demo mode only: the Agents Playground has no Teams SSO, so the bot asks the simulated tenant's Entra emulator for
 * a user assertion (what Teams SSO would hand over) and then runs the real on-behalf-of exchange with it.
 */
export class DemoIdentity {
  constructor(
    private readonly simulatorUrl: string,
    private readonly clientId: string,
  ) {}

  async assertionFor(user: UserKey & { name?: string; upn?: string }): Promise<string> {
    const res = await fetch(`${this.simulatorUrl}/_sim/user-assertion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: user.tenantId,
        oid: user.oid,
        name: user.name ?? 'Demo admin',
        upn: user.upn ?? `${user.oid}@demo.m365pulse.local`,
        audience: this.clientId,
      }),
    });
    if (!res.ok) throw new Error(`The simulated tenant refused a demo sign-in (HTTP ${res.status})`);
    return ((await res.json()) as { assertion: string }).assertion;
  }
}
