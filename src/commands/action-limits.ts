import { MAX_RAW_CHARS } from './text-tokens';

/** Longest string a card action may carry in any field but the command text (ids, keys, names). */
export const MAX_ACTION_STRING = 256;
/** Most items in one array of a card action (the members of a grouped alert card). */
export const MAX_ACTION_ITEMS = 100;
/** Deepest nesting of objects and arrays in a card action's data. */
export const MAX_ACTION_DEPTH = 4;

/**
 * Why a card action's data is too large to act on, or undefined when it fits. Cards the bot posts stay far inside
 * these limits, so only a forged or corrupted action is refused; nothing is read or written for it. `text` (the
 * command a refresh repeats) may be as long as a chat message.
 */
export function oversizeActionData(data: unknown): string | undefined {
  const visit = (v: unknown, path: string, depth: number): string | undefined => {
    if (typeof v === 'string') {
      const max = path === 'text' ? MAX_RAW_CHARS : MAX_ACTION_STRING;
      return v.length > max ? `\`${path}\` is ${v.length} characters long (at most ${max})` : undefined;
    }
    if (!v || typeof v !== 'object') return undefined;
    if (depth >= MAX_ACTION_DEPTH) return `\`${path || 'data'}\` is nested too deeply`;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    if (entries.length > MAX_ACTION_ITEMS)
      return `\`${path || 'data'}\` has ${entries.length} items (at most ${MAX_ACTION_ITEMS})`;
    for (const [k, x] of entries) {
      if (k.length > MAX_ACTION_STRING) return 'a field name is too long';
      const problem = visit(x, path ? `${path}.${k}` : k, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(data, '', 0);
}
