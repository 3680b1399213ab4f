import { fnv1a } from '../../domain/fnv1a';

/** FNV-1a 32-bit hash of a string: stable ids for tenant and function names. */
export function hashString(s: string): number {
  return fnv1a(s);
}

function step(h: number, p: number): number {
  h = Math.imul(h ^ (p | 0) ^ (Math.floor(p / 0x100000000) | 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Mixes up to six integers into one well-distributed 32-bit value (murmur3-style finaliser per part). Fixed arity
 * on purpose: this runs for every simulated minute, and rest parameters would allocate.
 */
export function mix(a: number, b: number, c = 0, d = 0, e = 0, f = 0): number {
  return step(step(step(step(step(step(0x9e3779b9, a), b), c), d), e), f) >>> 0;
}

/** Uniform number in [0, 1) determined by the parts. */
export function uniform(a: number, b: number, c = 0, d = 0, e = 0, f = 0): number {
  return mix(a, b, c, d, e, f) / 0x100000000;
}

/** Standard normal deviate determined by the parts (Box–Muller over two derived uniforms). */
export function normal(a: number, b: number, c: number, d: number, e: number): number {
  const u1 = Math.max(uniform(a, b, c, d, e, 1), 1e-12);
  const u2 = uniform(a, b, c, d, e, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Poisson sample with mean `lambda` from a uniform `u` (inverse CDF; normal approximation above 30). */
export function poisson(lambda: number, u: number, z: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  while (u > cdf && k < 200) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}
