import { ALERT_VERBS, type AlertActionData } from './alert-buttons';
import { type AdaptiveCard, executeAction, newCard, text } from './adaptive-card';

export interface ActionRefusedInput {
  /** The verb of the button pressed (`alert.ack`, …) or a short phrase of what was tried (`change alert rules`). */
  action: string;
  /** Admin roles that can read the data; empty when Microsoft documents none for it. */
  roles: readonly string[];
  /** The Graph permission the data needs, e.g. `ServiceActivity-Teams.Read.All`. */
  permission?: string;
  /** The refused button's data: adds "Back to the alert" (`alert.summary`), since this card replaces the alert card. */
  back?: AlertActionData;
}

const TRIED: Record<string, string> = {
  [ALERT_VERBS.ack]: 'acknowledge this alert',
  [ALERT_VERBS.snooze]: 'snooze this alert',
  [ALERT_VERBS.mute]: 'mute this alert rule',
  [ALERT_VERBS.details]: 'open the details of this alert',
  [ALERT_VERBS.summary]: 'show this alert',
};

/** Who can read Microsoft 365 monitoring data when Graph names no role (Service Health Dashboard access). */
const SERVICE_HEALTH_ROLES =
  'a role with Service Health access, such as Service Support Administrator or Global Reader';

/**
 * The private answer to a non-admin who pressed an alert button: what they tried, that nothing changed, which roles
 * can, and how to get one (role assignment, then `signin`).
 */
export function buildActionRefusedCard(input: ActionRefusedInput): AdaptiveCard {
  const tried = TRIED[input.action] ?? input.action;
  const roles = input.roles.length ? `one of these roles: ${input.roles.join(', ')}` : SERVICE_HEALTH_ROLES;
  const facts = [
    { title: 'You tried to', value: tried },
    { title: 'Who can', value: `Admins with ${roles}` },
  ];
  if (input.permission)
    facts.push({ title: 'Permission', value: `${input.permission} (granted to Pulse with admin consent)` });
  const body = [
    text(`Only admins can ${tried}`, { size: 'Medium', weight: 'Bolder', color: 'Warning' }),
    text(
      'Pulse lets people act on alerts when their own sign-in can read this data in Microsoft Graph, and Graph refused yours. Nothing was changed; only you see this message.',
      { spacing: 'Small' },
    ),
    { type: 'FactSet', facts },
    text(
      `To get access, ask a Global Administrator or Privileged Role Administrator to assign you ${input.roles.length ? 'one of these roles' : 'such a role'} in the Microsoft Entra admin center (Roles & admins), then send \`signin\` and try again. Until then, an admin in this conversation can act on the alert.`,
      { spacing: 'Small' },
    ),
  ];
  return newCard(
    body,
    input.back ? [executeAction('Back to the alert', ALERT_VERBS.summary, input.back)] : [],
  );
}
