/** Minimal header access shared by fetch `Headers` and plain batch-item header maps. */
export interface HeaderLookup {
  get(name: string): string | null | undefined;
}

/** Case-insensitive lookup over a batch item's `headers` object. */
export function headerLookup(headers: Record<string, unknown> | undefined): HeaderLookup {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(headers ?? {}))
    if (v !== undefined && v !== null) map.set(k.toLowerCase(), String(v));
  return { get: (name) => map.get(name.toLowerCase()) ?? null };
}

/**
 * `Retry-After` as milliseconds to wait from `now`: delta-seconds (`10`, `2.128`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past gives 0; absent or unparsable gives undefined.
 */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
