/*
 * Typo tolerance for metric and service names. The same optimal-string-alignment distance as `suggest.ts`, but
 * on reused typed arrays with an early stop, because matching one phrase compares it with ~270 catalog phrases.
 */

let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`; any value above `max` means "too far". */
export function typoDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (cur.length <= lb) [prev2, prev, cur] = [0, 1, 2].map(() => new Int32Array(lb * 2 + 1));
  let p2 = prev2;
  let p = prev;
  let c = cur;
  for (let j = 0; j <= lb; j++) p[j] = j;
  for (let i = 1; i <= la; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    c[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = p[j - 1] + (ai === bj ? 0 : 1);
      if (p[j] + 1 < d) d = p[j] + 1;
      if (c[j - 1] + 1 < d) d = c[j - 1] + 1;
      if (aBefore === bj && j > 1 && ai === b.charCodeAt(j - 2) && p2[j - 2] + 1 < d) d = p2[j - 2] + 1;
      c[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = p2;
    p2 = p;
    p = c;
    c = t;
  }
  return p[lb];
}

/** Edits accepted silently as a typo: none for words of up to 4 letters ("upd" is not "udp"), 1 up to 8, then 2. */
export function silentEdits(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/** Edits still worth a "Did you mean …?": one more than accepted silently, and 3 for long phrases. */
export function suggestEdits(length: number): number {
  return length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The candidate a typed word most plausibly means, with the rule of `suggest.closest` (a prefix of 3+ letters,
 * or at most 1 edit for words of up to 4 letters, 2 for longer), but bounded so long noise costs nothing.
 */
export function closestWord(input: string, candidates: readonly string[]): string | undefined {
  const word = input.toLowerCase();
  if (!word) return undefined;
  const allowed = word.length <= 4 ? 1 : 2;
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = word.length >= 3 && c.startsWith(word) ? 0.5 : typoDistance(word, c, allowed);
    if (d <= allowed && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

/** Lower-case words without punctuation: `Sign-ins` → `sign ins`, `iOS/Android` → `ios android`. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_/.:,;()'"`]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
