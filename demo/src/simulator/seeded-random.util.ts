/**
 * Deterministic pseudo-randomness from a seed and any keys (ids, bucket numbers).
 * The simulator never keeps a random-number stream: every random choice is a hash of
 * what it is about, so it is the same whenever and in whatever order it is asked.
 */

/** 32-bit FNV-1a of a string, as the starting point of a key. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit avalanche step (from MurmurHash3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Unsigned 32-bit hash of the seed and the keys. */
export function hash32(seed: number, ...keys: (string | number)[]): number {
  let h = mix((seed | 0) ^ 0x9e3779b9);
  for (const key of keys) {
    const k =
      typeof key === 'number' ? mix(Math.floor(key) ^ Math.floor(key / 0x100000000)) : fnv1a(key);
    h = mix(h ^ k);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return mix(h);
}

/** A uniform number in [0, 1) from the seed and the keys. */
export function random01(seed: number, ...keys: (string | number)[]): number {
  return hash32(seed, ...keys) / 0x100000000;
}

/** A uniform number in [min, max) from the seed and the keys. */
export function randomBetween(
  min: number,
  max: number,
  seed: number,
  ...keys: (string | number)[]
): number {
  return min + (max - min) * random01(seed, ...keys);
}
