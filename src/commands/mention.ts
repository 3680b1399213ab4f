/**
 * Removes Teams @mention markup (`<at>Name</at>`) and the HTML entities Teams adds around it, then trims.
 * teams-ai removes the bot's own mention when the activity carries mention entities; this also covers
 * clients that send the markup without entities, and mentions of the bot anywhere at the start.
 * Every pattern stops at the next `<`, so each character is scanned a bounded number of times: linear in the
 * length (a pattern that may run on past `<` is quadratic on a paste of `<` characters). Teams sends a mention's
 * name with `<` escaped, so `[^<]` loses nothing.
 */
export function stripMentions(text: string): string {
  return decodeEntities(text.replace(/<at(?:\s[^<>]*)?>[^<]*<\/at>/gi, ' '))
    .replace(/<[^<>]+>/g, ' ')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&');
}
