import type { AdaptiveCard } from './card';

/** The schema URL every card declares. */
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Largest card JSON we send, in UTF-8 bytes. Teams documents ~100 KB per message (80 KB recommended) and older docs
 * 40 KB; 28 KB leaves room for the activity envelope and for clients with the older limit.
 */
export const MAX_CARD_BYTES = 28 * 1024;

/** Size of a card as sent: `Buffer.byteLength(JSON.stringify(card))`. */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card));
}

/** A version 1.5 card (what Teams renders) with the schema, body and optional actions. */
export function newCard(body: unknown[], actions: unknown[] = []): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body };
  if (actions.length) card.actions = actions;
  return card;
}

/** A Universal Action (`adaptiveCard/action` invoke with `verb` and `data`), handled by the bot's actionExecute. */
export function executeAction(title: string, verb: string, data: object): object {
  return { type: 'Action.Execute', title, verb, data };
}

/** TextBlock with wrapping on unless `wrap: false` is given. */
export function text(value: string, props: Record<string, unknown> = {}): object {
  return { type: 'TextBlock', text: value, wrap: true, ...props };
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
