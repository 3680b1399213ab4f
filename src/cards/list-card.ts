import { imBackAction, newCard, text, type AdaptiveCard } from './adaptive-card';
import { cardBytes, MAX_CARD_BYTES } from './card-size';

/** The bold title every list card (rules, subscriptions, history) starts with. */
export function titleBlock(title: string): object {
  return text(title, { size: 'Medium', weight: 'Bolder' });
}

/** A small grey line under an item or at the end. */
export function subtle(value: string, props: Record<string, unknown> = {}): object {
  return text(value, { isSubtle: true, size: 'Small', spacing: 'None', ...props });
}

/** One-click commands (Teams imBack) as card actions. */
export function commandButtons(commands: readonly string[]): object[] {
  return commands.map((c) => imBackAction(c, c));
}

/**
 * A card of `head`, as many `items` (each a list of elements) as fit within MAX_CARD_BYTES, and `foot`; when some
 * do not fit, a line says how many were left out and which command shows them.
 */
export function fittedCard(
  head: object[],
  items: object[][],
  foot: object[],
  actions: object[],
  more: (left: number) => string,
): AdaptiveCard {
  let shown = items.length;
  for (;;) {
    const tail = shown < items.length ? [subtle(more(items.length - shown), { spacing: 'Medium' })] : [];
    const card = newCard([...head, ...items.slice(0, shown).flat(), ...tail, ...foot], actions);
    if (shown === 0 || cardBytes(card) <= MAX_CARD_BYTES) return card;
    shown = Math.max(
      0,
      shown - Math.max(1, Math.ceil((shown * (cardBytes(card) - MAX_CARD_BYTES)) / cardBytes(card))),
    );
  }
}
