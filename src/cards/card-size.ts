/**
 * Largest card JSON we send, in UTF-8 bytes. Teams documents ~100 KB per message (80 KB recommended) and older docs
 * 40 KB; 28 KB leaves room for the activity envelope and for clients with the older limit.
 */
export const MAX_CARD_BYTES = 28 * 1024;

/** Size of a card as sent: `Buffer.byteLength(JSON.stringify(card))`. */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card));
}
