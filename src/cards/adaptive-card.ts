import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as plain JSON (version 1.5, what Teams renders). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/** The schema URL every card declares. */
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** A version 1.5 card (what Teams renders) with the schema, body and optional actions. */
export function newCard(body: unknown[], actions: unknown[] = []): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body };
  if (actions.length) card.actions = actions;
  return card;
}

/** Expands a JSON template with adaptivecards-templating; the result is plain card JSON. */
export function expandTemplate(template: object, data: object): AdaptiveCard {
  return new Template(template).expand({ $root: data }) as AdaptiveCard;
}

/** TextBlock with wrapping on unless `wrap: false` is given. */
export function text(value: string, props: Record<string, unknown> = {}): object {
  return { type: 'TextBlock', text: value, wrap: true, ...props };
}

/** A Universal Action (`adaptiveCard/action` invoke with `verb` and `data`), handled by the bot's actionExecute. */
export function executeAction(title: string, verb: string, data: object): object {
  return { type: 'Action.Execute', title, verb, data };
}

/** An Action.Submit that posts `text` back as if the user typed it (Teams imBack): used for suggestions. */
export function imBackAction(title: string, text: string): object {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } };
}

/** True when the JSON holds a Table or a chart (`Chart.*`): content that needs the conversation's full width. */
export function isWide(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const type = (node as { type?: unknown }).type;
  if (type === 'Table' || (typeof type === 'string' && type.startsWith('Chart.'))) return true;
  return Object.values(node).some(isWide);
}

/**
 * The card with `msteams.width: "Full"` when it holds a table or a chart: Teams otherwise renders cards at a
 * message's width, which squeezes table columns and chart axes.
 */
export function fullWidthIfWide<T extends AdaptiveCard>(card: T): T {
  return isWide(card.body) ? { ...card, msteams: { width: 'Full' } } : card;
}
