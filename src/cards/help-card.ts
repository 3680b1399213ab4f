import template from './templates/help.json';
import { expandTemplate, type AdaptiveCard } from './adaptive-card';
import type { CommandSpec } from '../commands/grammar';

/** The help card: every command with its usage, meaning and an example; or one command in detail. */
export function buildHelpCard(commands: readonly CommandSpec[], topic?: CommandSpec): AdaptiveCard {
  const shown = topic ? [topic] : commands;
  return expandTemplate(template, {
    title: topic ? `Help: ${topic.name}` : 'M365 Pulse commands',
    intro: topic
      ? [topic.summary, topic.aliases.length ? `Also: ${topic.aliases.join(', ')}.` : '']
          .filter(Boolean)
          .join(' ')
      : 'Microsoft 365 service health from the Monitoring API, right here. In a channel, @mention me first.',
    commands: shown.map((c) => ({
      usage: c.usage,
      summary: c.summary,
      example: topic ? c.examples.join(' · ') : c.examples[0],
    })),
    actions: (topic ? topic.examples.slice(0, 3) : ['help']).map((e) => ({ title: e, value: e })),
  });
}
