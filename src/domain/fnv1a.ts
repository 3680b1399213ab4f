/** FNV-1a 32-bit offset basis. */
export const FNV1A_OFFSET_BASIS = 0x811c9dc5;

/**
 * FNV-1a 32-bit over the UTF-8 bytes of `text`, as an unsigned integer. The tenant partition assignment is stored
 * by this hash, so its output must never change; `basis` lets a caller seed a family of hashes.
 */
export function fnv1a(text: string, basis: number = FNV1A_OFFSET_BASIS): number {
  let hash = basis >>> 0;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}
