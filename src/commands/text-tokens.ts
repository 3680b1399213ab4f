import { stripMentions } from './mention';

/** Longer messages are not commands; refusing them early keeps parsing fast on anything a user pastes. */
export const MAX_COMMAND_CHARS = 300;
/** Raw text (with mention markup) longer than this is refused before any regular expression runs on it. */
export const MAX_RAW_CHARS = 4000;

/**
 * Chat text cut to one character past MAX_RAW_CHARS, so everything after it (SDK mention removal, the sign-in
 * check, the parser) works on bounded text and still sees that the message was too long.
 */
export function boundedText(raw: string): string {
  return raw.length > MAX_RAW_CHARS ? raw.slice(0, MAX_RAW_CHARS + 1) : raw;
}

/** Chat text as the grammar reads it: mentions removed, lower case, no leading `/`, single spaces. */
export function normaliseText(raw: string): string {
  return stripMentions(raw)
    .toLowerCase()
    .replace(/^[\s/]+/, '')
    .trim();
}

const CLOCK = '\\d{1,2}(?::\\d{2})?(?:am|pm)?';
const CLOCK_RANGE = new RegExp(`^(${CLOCK})-(${CLOCK})$`);

/**
 * The words after the command word. Quotes, brackets and sentence punctuation go; a trailing full stop goes
 * (`vs.`, `6h.`); a dash between clock times is a range (`08:00-12:00` → `08:00 to 12:00`).
 */
export function argumentTokens(text: string): string[] {
  const out: string[] = [];
  const cleaned = text
    .replace(/[`"“”‘’«»()[\]{}]/g, ' ')
    .replace(/[,;!?]+/g, ' ')
    .replace(/\s[–—-]+\s/g, ' to ')
    .replace(/[–—]/g, '-');
  for (const raw of cleaned.split(' ')) {
    const token = raw.replace(/\.+$/, '');
    if (!token) continue;
    const range = CLOCK_RANGE.exec(token);
    if (range) out.push(range[1], 'to', range[2]);
    else out.push(token);
  }
  return out;
}
