/** Teams Toolkit placeholder syntax: `${{NAME}}`, resolved from the environment files before use. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every distinct placeholder name in `text`, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** The one variable the toolkit lets be empty in teamsapp*.yml (its `allowedEmptyKeys`); any other empty is an error. */
export const ALLOWED_EMPTY = new Set(['APP_NAME_SUFFIX']);

/**
 * Replaces each `${{NAME}}` with `values[NAME]`. Like the toolkit, a name with no value, or an empty value other
 * than APP_NAME_SUFFIX, is unresolved: it stays in the text and is listed in `unresolved`.
 */
export function resolvePlaceholders(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && !ALLOWED_EMPTY.has(name))) {
      unresolved.add(name);
      return whole;
    }
    return value;
  });
  return { text: out, unresolved: [...unresolved] };
}
