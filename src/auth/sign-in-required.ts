import { SignInRequiredError } from '../graph/errors';
import type { UserKey } from './user-key';

/**
 * The one sign-in-needed error: a user with no usable Graph token (never signed in, signed out, refresh token
 * expired or revoked) fails exactly like a token Graph refused, so every caller answers both the same way.
 */
export function signInRequired(user: UserKey): SignInRequiredError {
  return new SignInRequiredError(
    'Sign in first: Pulse has no valid Microsoft Graph sign-in for you in this organization.',
    { tenantId: user.tenantId },
  );
}

/** True for the sign-in-needed error (from auth or from Graph). */
export function isSignInRequired(err: unknown): err is SignInRequiredError {
  return err instanceof SignInRequiredError;
}
