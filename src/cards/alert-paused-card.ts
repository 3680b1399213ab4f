import { scopeLabel } from '../alerts/subscription';
import { metricByFn, SERVICES, serviceById } from '../domain/catalog';
import type { SubscriptionScope } from '../monitor/rule-scope';
import { imBackAction, type AdaptiveCard, newCard, text } from './adaptive-card';
import { formatLocalTime, safeTimeZone } from './format';

export interface AlertsPausedInput {
  tenantId: string;
  subscriptionScope: SubscriptionScope;
  /** Display names of the admins whose sign-in the subscription used. */
  admins: readonly string[];
  /** Why Pulse cannot read the data, one sentence (shown as is). */
  reason: string;
  now: Date;
  timeZone: string;
  /** BCP 47 locale of the reader (`de-DE`) for numbers, dates and times; unknown locales fall back to en-US. */
  locale: string;
}

/** The application permissions that let the monitor run without anyone's sign-in, for a scope. */
export function scopePermissions(scope: SubscriptionScope): string[] {
  switch (scope.kind) {
    case 'all':
      return [...new Set(SERVICES.map((s) => s.permission))];
    case 'service':
      return [serviceById(scope.service)?.permission ?? ''].filter(Boolean);
    case 'metric':
      return [metricByFn(scope.fn)?.permission ?? ''].filter(Boolean);
  }
}

/** `Adele`, `Adele or Alex`, `Adele, Alex or Megan`. */
function either(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Posted once into a subscribed conversation when neither the app-only identity nor a subscriber's delegated token
 * can read the data: which alerts stopped, why, and the two ways to resume them (an admin signs in again, or an admin
 * grants the application permissions), with a Sign in button.
 */
export function buildAlertsPausedCard(input: AlertsPausedInput): AdaptiveCard {
  const tz = safeTimeZone(input.timeZone);
  const scope = scopeLabel(input.subscriptionScope);
  const who = input.admins.length
    ? `${either(input.admins)} must sign in again (send \`signin\`)`
    : 'An admin who subscribed must sign in again (send `signin`)';
  const permissions = scopePermissions(input.subscriptionScope);
  const grant = permissions.length
    ? `grants the application permission${permissions.length === 1 ? '' : 's'} ${permissions.join(', ')} with admin consent`
    : 'grants the application permissions with admin consent';
  const body = [
    text(`⏸️ Alerts for ${scope} are paused`, { size: 'Medium', weight: 'Bolder', color: 'Warning' }),
    text(input.reason, { spacing: 'Small' }),
    text(
      `${who}, or a Global Administrator or Privileged Role Administrator ${grant} so alerts run without a signed-in user. Alerts resume on their own once Pulse can read the data again.`,
      { spacing: 'Small' },
    ),
    {
      type: 'FactSet',
      facts: [
        { title: 'Subscription', value: scope },
        { title: 'Paused at', value: `${formatLocalTime(input.now, input.now, tz, input.locale)} (${tz})` },
        { title: 'Tenant', value: input.tenantId },
      ],
    },
  ];
  return newCard(body, [imBackAction('Sign in', 'signin')]);
}
