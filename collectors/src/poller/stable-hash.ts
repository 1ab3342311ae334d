import { createHash } from 'node:crypto';

/**
 * A 32-bit hash of a string that every poller, on every machine and release, computes
 * alike (first four bytes of SHA-1). Used to split targets between pollers and to
 * spread their polls over the interval.
 */
export function stableHash32(text: string): number {
  return createHash('sha1').update(text, 'utf8').digest().readUInt32BE(0);
}
