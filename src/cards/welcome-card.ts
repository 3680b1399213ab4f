import template from './templates/welcome.json';
import { expandTemplate, type AdaptiveCard } from './adaptive-card';

/** The card posted when the bot is installed in a personal chat, a group chat or a team. */
export function buildWelcomeCard(
  scope: 'personal' | 'groupChat' | 'channel',
  teamName?: string,
): AdaptiveCard {
  const where =
    scope === 'channel'
      ? `the ${teamName ? `**${teamName}** ` : ''}team`
      : scope === 'groupChat'
        ? 'this chat'
        : 'Teams';
  return expandTemplate(template, {
    lead: `I bring Microsoft 365 service health telemetry into ${where}: Exchange mail flow and client activity, Teams chat, meetings and call quality, OneDrive, web apps and Entra sign-ins, in near real time.`,
    facts: [
      { title: 'Ask', value: 'status, metrics, help' },
      { title: 'Data', value: 'Microsoft Graph Monitoring API, on behalf of the signed-in admin' },
    ],
    howTo:
      scope === 'personal'
        ? 'Type a command below, for example `help`.'
        : 'Mention me with a command, for example `@M365 Pulse help`.',
    actions: [{ title: 'Show commands', value: 'help' }],
  });
}
