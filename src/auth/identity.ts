import type { DelegatedTokens } from './delegated-tokens';
import { isSignInRequired, signInRequired } from './sign-in-required';
import type { DemoIdentity } from './demo-identity';
import type { UserKey } from './user-key';

export type SignInMode = 'sso' | 'demo' | 'none';

/** A user as Teams names them, enough to sign in and to say who they are. */
export interface TeamsUser extends UserKey {
  name?: string;
  upn?: string;
}

/** Who may read Graph for a user, and how: Teams SSO in production, the demo identity in demo mode. */
export class Identity {
  constructor(
    readonly mode: SignInMode,
    private readonly delegated?: DelegatedTokens,
    private readonly demo?: DemoIdentity,
  ) {}

  /** A Graph token for the user; SignInRequiredError when they must sign in (never in demo mode). */
  async graphToken(user: TeamsUser): Promise<string> {
    if (!this.delegated) throw signInRequired(user);
    try {
      return await this.delegated.token(user);
    } catch (err) {
      if (!isSignInRequired(err) || !this.demo) throw err;
      return this.delegated.exchange(user, await this.demo.assertionFor(user));
    }
  }

  /** Runs the on-behalf-of exchange for an SSO token Teams handed over. */
  exchange(user: UserKey, assertion: string): Promise<string> {
    if (!this.delegated) throw signInRequired(user);
    return this.delegated.exchange(user, assertion);
  }

  async signOut(user: UserKey): Promise<void> {
    await this.delegated?.signOut(user);
  }
}
