import type { AlertStores } from '../alerts/alert-stores';
import type { UserMetricsReader } from '../graph/metrics-reader';
import type { Actor } from '../monitor/actor';
import type { AlertActionResult, AlertButton } from '../alerts/act-on-alert';
import type { ServiceHealthReader } from '../service-health/reader';
import type { StatusCardMemo } from './status-memo';

/** What command handlers may ask of the outside world for the current user, without knowing how it is done. */
export interface CommandServices {
  /** How users sign in here: Teams SSO, the demo identity, or not at all (no Entra app configured). */
  signInMode: 'sso' | 'demo' | 'none';
  /** A Graph token for the user; rejects with `SignInRequiredError` (graph/errors.ts) when they must sign in. */
  graphToken(): Promise<string>;
  /** Forgets the user's tokens. */
  signOut(): Promise<void>;
  /** Telemetry of the user's tenant, read with the user's own token. */
  metrics: UserMetricsReader;
  /** Alert subscriptions, rules, audit log and incidents; alerting commands say alerts are off without them. */
  alerts?: AlertStores;
  /** The bot's memo of status cards (see status-memo.ts); absent, every status is built afresh. */
  statusCards?: StatusCardMemo;
  /** Acts on an alert button the gate allowed (lifecycle, audit, card updates); absent when alerting is off. */
  alertActions?: { act(button: AlertButton, by: Actor, now: number): Promise<AlertActionResult> };
  /** Microsoft's service health and Message center, read with the user's own token; absent when not wired. */
  health?: ServiceHealthReader;
}
