/*
 * Typo tolerance for metric and service names. The same optimal-string-alignment distance as `suggest.ts`, but
 * on reused typed arrays with an early stop, because matching one phrase compares it with ~270 catalog phrases.
 */

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`; any value above `max` means "too far". */
export function typoDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** Edits accepted silently as a typo: none for words of up to 4 letters ("upd" is not "udp"), 1 up to 8, then 2. */
export function silentEdits(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/** Edits still worth a "Did you mean …?": one more than accepted silently, and 3 for long phrases. */
export function suggestEdits(length: number): number {
  return length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** Lower-case words without punctuation: `Sign-ins` → `sign ins`, `iOS/Android` → `ios android`. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_/.:,;()'"`]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
