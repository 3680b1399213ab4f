import type { AlertStores } from '../../alerts/alert-stores';
import { buildNoticeCard } from '../../cards/notice-card';
import type { Reply } from '../reply';
import type { CommandServices } from '../services';

/** Runs `fn` with the alert stores, or answers that this bot has none. */
export async function withAlertStores(
  services: CommandServices,
  fn: (stores: AlertStores) => Promise<Reply>,
): Promise<Reply> {
  if (services.alerts) return fn(services.alerts);
  return {
    card: buildNoticeCard({
      tone: 'warning',
      title: 'Alerts are not set up',
      message:
        'This bot runs without a store for alert subscriptions and rules, so alerting commands cannot work here. ' +
        'Whoever runs it should start it with its store (STORE=sqlite or azure-blob).',
      actions: [{ title: 'status', value: 'status' }],
    }),
  };
}

/** Reading alert settings needs sign-in (not admin): resolves once the user has a Graph token. */
export async function requireSignIn(services: CommandServices): Promise<void> {
  await services.graphToken();
}
